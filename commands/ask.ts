import { SlashCommandBuilder, time, TimestampStyles, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { engineFor, type BotContext, type Outcome } from '../src/discord/context.js';
import { documentScope, respondWithDocuments } from '../src/discord/documents.js';
import { BUTTON_PREFIX, documentByKey, moreId, paragraphId, parseButtonId } from '../src/discord/refs.js';
import { respond, send } from '../src/discord/reply.js';
import { renderAnswer, renderPassage, renderQuotes } from '../src/render/discord.js';
import { NewsbotError } from '../src/errors.js';
import type { Command } from './types.js';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the article; the answer comes with the sentence that says so')
  .addStringOption((o) => o.setName('question').setDescription('e.g. who bought Norsat?').setRequired(true).setMaxLength(300))
  .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'))
  .addStringOption((o) => o.setName('document').setDescription('Ask one document only (default: all of them)').setAutocomplete(true).setMaxLength(200));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome> {
  const retryAt = context.cooldowns.take(interaction.user.id);
  if (retryAt !== undefined) {
    const when = time(Math.ceil(retryAt / 1000), TimestampStyles.RelativeTime);
    await send(interaction, { content: `One question at a time: you can ask again ${when}.`, buttons: [] }, true);
    return 'cooldown';
  }
  const question = interaction.options.getString('question', true);
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  const engine = await engineFor(context, interaction, { ephemeral });
  const scope = await documentScope(interaction, engine);
  if (!scope) return 'not-found';
  let outcome: Outcome = 'declined';
  await respond(
    interaction,
    () => {
      const answer = engine.ask(question, scope);
      outcome = answer.answered ? 'answered' : 'declined';
      return renderAnswer(answer, { more: moreId(answer.quotes.slice(1)), paragraph: paragraphId(answer.quotes[0]) });
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
