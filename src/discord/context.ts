import type { Logger } from 'pino';
import type { Engine } from '../engine.js';
import type { Cooldowns } from './cooldown.js';

/** What commands get besides the interaction: the engine and the bot's shared services. */
export interface BotContext {
  engine: Engine;
  logger: Logger;
  cooldowns: Cooldowns;
  /** How long an answer may take before the bot defers the reply (Discord allows 3 s for the first response). */
  deferAfterMs: number;
}

/** What a command did, for the one log line per interaction (never the message content). */
export type Outcome = 'answered' | 'declined' | 'shown' | 'cooldown' | 'not-found' | 'suggested';
