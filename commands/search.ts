import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext, Outcome } from '../src/discord/context.js';
import { respond } from '../src/discord/reply.js';
import { renderSearch } from '../src/render/discord.js';
import type { Command } from './types.js';

export const data = new SlashCommandBuilder()
  .setName('search')
  .setDescription('The five passages of the article that best match some words')
  .addStringOption((o) => o.setName('query').setDescription('e.g. cyber espionage').setRequired(true).setMaxLength(300));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome> {
  const query = interaction.options.getString('query', true);
  let outcome: Outcome = 'shown';
  await respond(
    interaction,
    () => {
      const quotes = context.engine.search(query, 5);
      outcome = quotes.length > 0 ? 'shown' : 'not-found';
      return renderSearch(query, quotes);
    },
    { deferAfterMs: context.deferAfterMs },
  );
  return outcome;
}

export const command: Command = { data, execute };
