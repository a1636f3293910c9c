import { DiscordAPIError, MessageFlags, PermissionFlagsBits, ThreadAutoArchiveDuration, type ButtonInteraction } from 'discord.js';
import { NEW_CONVERSATION } from '../answer/conversation.js';
import { renderThreadIntro, threadName } from '../render/discord.js';
import type { BotContext, Outcome } from './context.js';
import { answerKey, threadKey } from './conversations.js';
import { messageOptions, send } from './reply.js';

/** Discord's code when a message already has a thread. */
const THREAD_ALREADY_CREATED = 160004;
/** Discord's codes for a permission the bot lacks in the channel. */
const MISSING_ACCESS = 50001;
const MISSING_PERMISSIONS = 50013;

/** What the bot needs to open a thread on an answer and to answer in it. */
const THREAD_PERMISSIONS = [PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads];

const NO_PERMISSION =
  "I can't open a thread here: I need the *Create Public Threads* and *Send Messages in Threads* permissions in this channel. " +
  'You can keep asking follow-up questions with `/ask` right here.';

/**
 * *Follow up in a thread*: opens a public thread on the answer the button sits
 * on, carrying the conversation that answer ended (kept under its `/ask`'s
 * interaction id), and tells the person who clicked, privately, where it is.
 * Without the permissions to do so, says so privately instead.
 */
export async function openThread(interaction: ButtonInteraction, context: BotContext): Promise<Outcome> {
  const answer = interaction.message;
  // `channel` is looked up in discord.js's cache: a channel it never saw has none.
  if (!interaction.inGuild() || !answer.channel || answer.channel.isThread() || answer.flags.has(MessageFlags.Ephemeral)) {
    await send(interaction, { content: 'A thread can only be opened on a public answer in a server channel.', buttons: [] }, true);
    return 'refused';
  }
  if (!interaction.appPermissions.has(THREAD_PERMISSIONS)) {
    await send(interaction, { content: NO_PERMISSION, buttons: [] }, true);
    return 'refused';
  }
  // The conversation as it stood after that answer; gone after a restart or once idle, when the thread starts afresh.
  const asked = answer.interactionMetadata?.id;
  const conversation = (asked === undefined ? undefined : context.conversations.get(answerKey(asked))) ?? NEW_CONVERSATION;
  const question = conversation.turns[conversation.turns.length - 1]?.question;
  if (!interaction.deferred) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const thread = await answer.startThread({ name: threadName(question), autoArchiveDuration: ThreadAutoArchiveDuration.OneHour });
    context.conversations.set(threadKey(thread.id), conversation);
    await thread.send(messageOptions(renderThreadIntro(question)));
    await send(interaction, { content: `Thread opened: <#${thread.id}>. Ask there with \`/ask\` or by mentioning me.`, buttons: [] }, true);
    return 'thread-opened';
  } catch (error) {
    if (!(error instanceof DiscordAPIError)) throw error;
    if (error.code === THREAD_ALREADY_CREATED) {
      // A thread started on a message has the message's id.
      await send(interaction, { content: `This answer already has a thread: <#${answer.id}>.`, buttons: [] }, true);
      return 'shown';
    }
    if (error.code === MISSING_PERMISSIONS || error.code === MISSING_ACCESS) {
      await send(interaction, { content: NO_PERMISSION, buttons: [] }, true);
      return 'refused';
    }
    throw error;
  }
}

