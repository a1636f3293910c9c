import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { engineFor, type BotContext, type Outcome } from '../src/discord/context.js';
import { send } from '../src/discord/reply.js';
import { renderSources } from '../src/render/discord.js';
import type { Command } from './types.js';

export const data = new SlashCommandBuilder().setName('sources').setDescription('The documents the bot answers from');

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome> {
  const engine = await engineFor(context, interaction);
  await send(interaction, renderSources(engine.documents()));
  return 'shown';
}

export const command: Command = { data, execute };
