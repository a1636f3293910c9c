import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { engineFor, type BotContext, type Outcome } from '../src/discord/context.js';
import { send } from '../src/discord/reply.js';
import { renderHelp } from '../src/render/discord.js';
import type { Command } from './types.js';

export const data = new SlashCommandBuilder().setName('help').setDescription('What the bot does, with example questions');

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome> {
  const engine = await engineFor(context, interaction, { ephemeral: true });
  const [first] = engine.documents();
  await send(interaction, renderHelp(engine.suggestQuestions(2), first?.title ?? 'the loaded article'), true);
  return 'shown';
}

export const command: Command = { data, execute };
