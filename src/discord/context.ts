import { MessageFlags, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import type { Engine } from '../engine.js';
import type { Libraries } from '../library/library.js';
import type { Conversations } from './conversations.js';
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
  /** Conversations for follow-up questions: a user's in a channel, a thread's, and each public answer's (see `conversations.ts`). */
  conversations: Conversations;
  /** How long an answer may take before the bot defers the reply (Discord allows 3 s for the first response). */
  deferAfterMs: number;
}

/** What a command did, for the one log line per interaction (never the message content). */
export type Outcome = 'answered' | 'declined' | 'shown' | 'cooldown' | 'not-found' | 'suggested' | 'added' | 'removed' | 'refused' | 'thread-opened' | 'empty';

/**
 * The engine that answers in a server (or a DM): its library's, else the bundled
 * one. A server's library loads on its first command (and rebuilds its index if
 * the snapshot is stale), which can outlast Discord's 3 s: when it takes longer
 * than `deferAfterMs`, the reply is deferred first (privately when `ephemeral`),
 * and the command's reply then edits it (see `send` and `respond`).
 * Autocomplete cannot be deferred; it just waits.
 */
export async function engineFor(
  context: BotContext,
  interaction: Interaction & { guildId: string | null },
  options: { ephemeral?: boolean } = {},
): Promise<Engine> {
  if (!context.engineFor) return context.engine;
  const loading = context.engineFor(interaction.guildId);
  if (!interaction.isRepliable()) return loading;
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), context.deferAfterMs);
  });
  const first = await Promise.race([loading, slow]);
  clearTimeout(timer);
  if (first !== 'slow') return first;
  await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  return loading;
}
