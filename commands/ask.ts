import { SlashCommandBuilder, time, TimestampStyles, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { engineFor, type BotContext, type Outcome } from '../src/discord/context.js';
import { answerKey, threadKey, userKey } from '../src/discord/conversations.js';
import { askInConversation } from '../src/discord/converse.js';
import { documentScope, respondWithDocuments } from '../src/discord/documents.js';
import { BUTTON_PREFIX, documentByKey, moreId, paragraphId, parseButtonId, THREAD_ID } from '../src/discord/refs.js';
import { respond, send } from '../src/discord/reply.js';
import { openThread } from '../src/discord/threads.js';
import { renderAnswer, renderPassage, renderQuotes } from '../src/render/discord.js';
import { NewsbotError } from '../src/errors.js';
import type { Command } from './types.js';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the article; the answer comes with the sentence that says so')
  .addStringOption((o) => o.setName('question').setDescription('e.g. who bought Norsat?').setRequired(true).setMaxLength(300))
  .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'))
  .addStringOption((o) => o.setName('document').setDescription('Ask one document only (default: all of them)').setAutocomplete(true).setMaxLength(200))
  .addBooleanOption((o) => o.setName('new').setDescription('Start a new conversation: do not read this question with your earlier ones'));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome> {
  const retryAt = context.cooldowns.take(interaction.user.id);
  if (retryAt !== undefined) {
    const when = time(Math.ceil(retryAt / 1000), TimestampStyles.RelativeTime);
    await send(interaction, { content: `One question at a time: you can ask again ${when}.`, buttons: [] }, true);
    return 'cooldown';
  }
  const question = interaction.options.getString('question', true);
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  const fresh = interaction.options.getBoolean('new') ?? false;
  const engine = await engineFor(context, interaction, { ephemeral });
  const scope = await documentScope(interaction, engine);
  if (!scope) return 'not-found';
  // In a thread everyone shares the thread's conversation; elsewhere each user has their own in each channel.
  const inThread = interaction.channel?.isThread() ?? false;
  const key = inThread ? threadKey(interaction.channelId) : userKey(interaction.channelId, interaction.user.id);
  // A thread can be opened on a public answer in a server channel only (not on a private one, in a DM, or in a thread).
  const threadable = !ephemeral && !inThread && interaction.inGuild();
  let outcome: Outcome = 'declined';
  await respond(
    interaction,
    () => {
      const { answer, conversation } = askInConversation(engine, context.conversations, key, question, { fresh, scope });
      if (threadable) context.conversations.set(answerKey(interaction.id), conversation);
      outcome = answer.answered ? 'answered' : 'declined';
      return renderAnswer(answer, { more: moreId(answer.quotes.slice(1)), paragraph: paragraphId(answer.quotes[0]), thread: threadable ? THREAD_ID : undefined });
    },
    { ephemeral, deferAfterMs: context.deferAfterMs },
  );
  return outcome;
}

/** Suggests the library's documents for the `document` option. */
export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  await respondWithDocuments(interaction, await engineFor(context, interaction));
}

/** *More passages* and *Show paragraph*: read everything from the button's id, answer only the person who clicked. */
export async function button(interaction: ButtonInteraction, context: BotContext): Promise<Outcome> {
  const parsed = parseButtonId(interaction.customId);
  const engine = await engineFor(context, interaction, { ephemeral: true });
  const gone = async (): Promise<Outcome> => {
    await send(interaction, { content: 'That passage is no longer in the library.', buttons: [] }, true);
    return 'not-found';
  };
  if (!parsed) return gone();
  if (parsed.action === 'thread') return openThread(interaction, context);
  try {
    if (parsed.action === 'para') {
      const [where] = parsed.locations;
      const documentId = where && documentByKey(engine, where.key);
      if (!where || !documentId) return await gone();
      await send(interaction, renderPassage(engine.passage(where.paragraph, documentId)), true);
      return 'shown';
    }
    const quotes = parsed.locations.map((where) => {
      const documentId = documentByKey(engine, where.key);
      if (!documentId) throw new NewsbotError(`document key ${where.key} is not loaded`);
      const passage = engine.passage(where.paragraph, documentId);
      const text = passage.text.slice(where.start, where.end);
      if (!text || where.end > passage.text.length) throw new NewsbotError(`offsets ${where.start}-${where.end} are outside ¶${where.paragraph}`);
      return { ...passage, text, start: where.start, highlights: [], paragraph: passage.number };
    });
    await send(interaction, renderQuotes(quotes, '**More passages:**'), true);
    return 'shown';
  } catch (error) {
    // The library changed since the answer: the button points nowhere, which is not a bot failure.
    if (error instanceof NewsbotError) return gone();
    throw error;
  }
}

export const buttonPrefix = BUTTON_PREFIX;

export const command: Command = { data, execute, button, buttonPrefix, autocomplete };
