import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { engineFor, type BotContext, type Outcome } from '../src/discord/context.js';
import { documentScope, respondWithDocuments } from '../src/discord/documents.js';
import { respond } from '../src/discord/reply.js';
import { withoutMarkup } from '../src/discord/markup.js';
import { renderSearch } from '../src/render/discord.js';
import type { Command } from './types.js';

export const data = new SlashCommandBuilder()
  .setName('search')
  .setDescription('The five passages of the article that best match some words')
  .addStringOption((o) => o.setName('query').setDescription('e.g. cyber espionage').setRequired(true).setMaxLength(300))
  .addStringOption((o) => o.setName('document').setDescription('Search one document only (default: all of them)').setAutocomplete(true).setMaxLength(200));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome> {
  const query = interaction.options.getString('query', true);
  const engine = await engineFor(context, interaction);
  const scope = await documentScope(interaction, engine);
  if (!scope) return 'not-found';
  let outcome: Outcome = 'shown';
  await respond(
    interaction,
    () => {
      const quotes = engine.search(withoutMarkup(query), 5, scope);
      outcome = quotes.length > 0 ? 'shown' : 'not-found';
      return renderSearch(query, quotes, { showDocument: !scope.documentId && engine.documents().length > 1 });
    },
    { deferAfterMs: context.deferAfterMs },
  );
  return outcome;
}

/** Suggests the library's documents for the `document` option. */
export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  await respondWithDocuments(interaction, await engineFor(context, interaction));
}

export const command: Command = { data, execute, autocomplete };
