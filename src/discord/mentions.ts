import { randomBytes } from 'node:crypto';
import type { Message } from 'discord.js';
import { renderAnswer } from '../render/discord.js';
import type { BotContext } from './context.js';
import { threadKey } from './conversations.js';
import { askInConversation } from './converse.js';
import { moreId, paragraphId } from './refs.js';
import { messageOptions } from './reply.js';

/**
 * Messages that mention the bot in a thread are questions, answered with the
 * thread's conversation, in a reply that pings nobody. Discord delivers the
 * content of a message that mentions the bot without the privileged message
 * content intent; every other message arrives empty and is ignored. Logs one
 * line per question (ids, latency, outcome; never the text).
 */
export function createMentionHandler(context: BotContext): (message: Message) => Promise<void> {
  return async (message) => {
    const me = message.client.user.id;
    if (message.author.bot || !message.inGuild() || !message.channel.isThread()) return;
    // A direct mention of the bot; @everyone and role mentions are not questions to it.
    if (!message.mentions.users.has(me)) return;
    const started = performance.now();
    const fields = { message: message.id, command: 'mention', guild: message.guildId, shard: message.guild.shardId, user: message.author.id };
    let outcome = 'declined';
    try {
      const question = message.content.replace(new RegExp(`<@!?${me}>`, 'g'), ' ').trim();
      const retryAt = context.cooldowns.take(message.author.id);
      if (retryAt !== undefined) {
        outcome = 'cooldown';
        await message.reply(messageOptions({ content: `One question at a time: you can ask again <t:${Math.ceil(retryAt / 1000)}:R>.`, buttons: [] }));
      } else if (question === '') {
        outcome = 'empty';
        await message.reply(messageOptions({ content: 'Mention me with a question, and I will answer it with the questions asked before it in this thread.', buttons: [] }));
      } else {
        const engine = context.engineFor ? await context.engineFor(message.guildId) : context.engine;
        const { answer } = askInConversation(engine, context.conversations, threadKey(message.channelId), question);
        outcome = answer.answered ? 'answered' : 'declined';
        await message.reply(messageOptions(renderAnswer(answer, { more: moreId(answer.quotes.slice(1)), paragraph: paragraphId(answer.quotes[0]) })));
      }
    } catch (error) {
      outcome = 'error';
      const ref = randomBytes(3).toString('hex').toUpperCase();
      context.logger.error({ ...fields, ref, err: error }, 'mention failed');
      await message
        .reply(messageOptions({ content: `Something went wrong (ref ${ref}). Please try again.`, buttons: [] }))
        .catch((failure: unknown) => context.logger.warn({ ...fields, ref, err: failure }, 'could not report the failure to the user'));
    }
    context.logger.info({ ...fields, latencyMs: Math.round((performance.now() - started) * 10) / 10, outcome }, 'message');
  };
}
