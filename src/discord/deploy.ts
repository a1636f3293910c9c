import { REST, Routes } from 'discord.js';
import type { Command } from '../../commands/types.js';
import type { Config } from '../config.js';

/**
 * Registers the command list with Discord in one `PUT`, which replaces what
 * was there: in one server when `guildId` is set (visible at once), else
 * globally. Returns how many commands Discord now has and where.
 */
export async function deployCommands(config: Config, commands: readonly Command[]): Promise<{ count: number; scope: string }> {
  if (!config.clientId) throw new Error('DISCORD_CLIENT_ID is required to deploy');
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const body = commands.map((command) => command.data.toJSON());
  const route = config.guildId ? Routes.applicationGuildCommands(config.clientId, config.guildId) : Routes.applicationCommands(config.clientId);
  const registered = (await rest.put(route, { body })) as unknown[];
  return { count: registered.length, scope: config.guildId ? `server ${config.guildId}` : 'globally' };
}
