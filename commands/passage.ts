import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { engineFor, type BotContext, type Outcome } from '../src/discord/context.js';
import { documentChoices, resolveDocument } from '../src/discord/documents.js';
import { send } from '../src/discord/reply.js';
import { NewsbotError } from '../src/errors.js';
import { DISCORD_LIMITS, fitText } from '../src/render/fit.js';
import { renderPassage } from '../src/render/discord.js';
import type { Command } from './types.js';

export const data = new SlashCommandBuilder()
  .setName('passage')
  .setDescription('A paragraph of the article, verbatim')
  .addIntegerOption((o) => o.setName('number').setDescription('The paragraph number, as in ¶8').setRequired(true).setMinValue(1).setMaxValue(100_000))
  .addStringOption((o) => o.setName('document').setDescription('Which document (default: the first)').setAutocomplete(true));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome> {
  const number = interaction.options.getInteger('number', true);
  const engine = await engineFor(context, interaction);
  const typed = interaction.options.getString('document') ?? undefined;
  // A typed title finds its document too; anything else goes to the engine, which names it in the error.
  const document = typed === undefined ? undefined : (resolveDocument(engine.documents(), typed)?.id ?? typed);
  try {
    await send(interaction, renderPassage(engine.passage(number, document)));
    return 'shown';
  } catch (error) {
    if (!(error instanceof NewsbotError)) throw error;
    // A wrong number is the user's slip: say what exists, only to them.
    const message = error.message.replace(/^newsbot: /, '');
    await send(interaction, { content: fitText(`No such paragraph: ${message}.`, DISCORD_LIMITS.content), buttons: [] }, true);
    return 'not-found';
  }
}

/** Suggests documents whose title or id contains what the user typed. */
export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const engine = await engineFor(context, interaction);
  await interaction.respond(documentChoices(engine.documents(), interaction.options.getFocused()));
}

export const command: Command = { data, execute, autocomplete };
