import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext, Outcome } from '../src/discord/context.js';

/** A slash command, as in the discord.js guide: its definition and what it does. */
export interface Command {
  /** The definition registered with Discord (a `SlashCommandBuilder`). */
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome>;
  /** Buttons whose custom id starts with `${buttonPrefix}:` are routed to `button`. */
  buttonPrefix?: string;
  button?(interaction: ButtonInteraction, context: BotContext): Promise<Outcome>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}
