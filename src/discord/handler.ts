import { randomBytes } from 'node:crypto';
import { DiscordAPIError, type Interaction } from 'discord.js';
import type { Command } from '../../commands/types.js';
import type { BotContext, Outcome } from './context.js';
import { replyOptions } from './reply.js';

/** Discord's code for an interaction whose 3 s (or 15 min) are over: answering it again cannot work. */
const UNKNOWN_INTERACTION = 10062;

/**
 * The one interaction handler: routes slash commands, buttons and autocomplete
 * to the commands, logs one line per interaction (id, command, latency,
 * outcome; never the content), and turns any failure into an ephemeral
 * "something went wrong (ref X)" whose reference is in the log, so the bot
 * keeps running.
 */
export function createInteractionHandler(commands: readonly Command[], context: BotContext): (interaction: Interaction) => Promise<void> {
  const byName = new Map(commands.map((command) => [command.data.name, command]));
  const byPrefix = new Map(commands.filter((c) => c.buttonPrefix).map((command) => [command.buttonPrefix as string, command]));

  return async (interaction) => {
    const started = performance.now();
    const name = interaction.isChatInputCommand() || interaction.isAutocomplete() ? interaction.commandName : interaction.isButton() ? `button:${interaction.customId.split(':').slice(0, 2).join(':')}` : `type:${interaction.type}`;
    // The shard shows which process answered when the bot runs under the ShardingManager (DMs: none).
    const fields = { interaction: interaction.id, command: name, guild: interaction.guildId ?? undefined, shard: interaction.guild?.shardId, user: interaction.user.id };
    let outcome: Outcome | 'error' | 'ignored' = 'ignored';
    try {
      if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        if (command) outcome = await command.execute(interaction, context);
      } else if (interaction.isButton()) {
        const command = byPrefix.get(interaction.customId.split(':')[0] ?? '');
        if (command?.button) outcome = await command.button(interaction, context);
      } else if (interaction.isAutocomplete()) {
        const command = byName.get(interaction.commandName);
        if (command?.autocomplete) {
          await command.autocomplete(interaction, context);
          outcome = 'suggested';
        }
      }
    } catch (error) {
      outcome = 'error';
      const ref = randomBytes(3).toString('hex').toUpperCase();
      if (error instanceof DiscordAPIError && error.code === UNKNOWN_INTERACTION) {
        context.logger.warn({ ...fields, ref, code: error.code }, 'interaction expired before the bot answered');
      } else {
        context.logger.error({ ...fields, ref, err: error }, 'command failed');
        await tellUser(interaction, ref, context);
      }
    }
    context.logger.info({ ...fields, latencyMs: Math.round((performance.now() - started) * 10) / 10, outcome }, 'interaction');
  };
}

/** Says "something went wrong" to the user, whether or not the command had already replied. */
async function tellUser(interaction: Interaction, ref: string, context: BotContext): Promise<void> {
  if (!interaction.isRepliable()) return;
  const message = replyOptions({ content: `Something went wrong (ref ${ref}). Please try again.`, buttons: [] }, true);
  try {
    if (interaction.deferred || interaction.replied) await interaction.followUp(message);
    else await interaction.reply(message);
  } catch (error) {
    context.logger.warn({ interaction: interaction.id, ref, err: error }, 'could not report the failure to the user');
  }
}
