import type { Logger } from 'pino';
import type { Engine } from '../engine.js';
import type { Libraries } from '../library/library.js';
import type { Cooldowns } from './cooldown.js';

/** What commands get besides the interaction: the engine and the bot's shared services. */
export interface BotContext {
  /** The engine over the bundled documents: DMs, and every server when there are no per-server libraries. */
  engine: Engine;
  /** The engine of a server's library (`null`: a DM). Absent: every server answers from `engine`. Commands call {@link engineFor}. */
  engineFor?: (guildId: string | null) => Promise<Engine>;
  /** The per-server libraries behind `/library`. Absent: `/library` says so. */
  libraries?: Libraries;
  logger: Logger;
  cooldowns: Cooldowns;
  /** How long an answer may take before the bot defers the reply (Discord allows 3 s for the first response). */
  deferAfterMs: number;
}

/** What a command did, for the one log line per interaction (never the message content). */
export type Outcome = 'answered' | 'declined' | 'shown' | 'cooldown' | 'not-found' | 'suggested' | 'added' | 'removed' | 'refused';

/** The engine that answers in a server (or a DM): its library's, else the bundled one. */
export function engineFor(context: BotContext, guildId: string | null): Promise<Engine> {
  return context.engineFor ? context.engineFor(guildId) : Promise.resolve(context.engine);
}
