import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { engineFor, type BotContext, type Outcome } from '../src/discord/context.js';
import { documentChoices, resolveDocument } from '../src/discord/documents.js';
import { replyOptions, respond } from '../src/discord/reply.js';
import { NewsbotError } from '../src/errors.js';
import type { DiscordMessage } from '../src/render/discord.js';
import { renderAdded, renderLibrary, renderRefusal, renderRemoved } from '../src/render/library.js';
import type { Command } from './types.js';

/**
 * `/library add|remove|list`: a server's articles. Only members who may manage
 * the server see the command (its default permission) and may run it (checked
 * again here: a server can change who sees a command). Replies are ephemeral:
 * managing the library is housekeeping, not conversation.
 */
export const data = new SlashCommandBuilder()
  .setName('library')
  .setDescription("This server's articles: add one from a link or a file, remove one, list them")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Add an article from a web address or an attached .html, .txt or .md file')
      .addStringOption((o) => o.setName('url').setDescription('The article’s address (http or https)').setMaxLength(2000))
      .addAttachmentOption((o) => o.setName('file').setDescription('An .html, .txt or .md file')),
  )
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Remove a document from this server’s library')
      .addStringOption((o) => o.setName('document').setDescription('Which document').setRequired(true).setAutocomplete(true).setMaxLength(200)),
  )
  .addSubcommand((s) => s.setName('list').setDescription('The documents this server answers from'));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome> {
  const refuse = async (message: string): Promise<Outcome> => {
    await interaction.reply(replyOptions(renderRefusal(message), true));
    return 'refused';
  };
  const libraries = context.libraries;
  const guildId = interaction.guildId;
  if (guildId === null || !interaction.inGuild()) return refuse('newsbot: /library works in a server, where each server has its own library');
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return refuse('newsbot: /library needs the Manage Server permission');
  if (!libraries) return refuse('newsbot: this bot runs without per-server libraries');

  const subcommand = interaction.options.getSubcommand(true);
  let outcome: Outcome = 'refused';
  // Adding fetches a page and rebuilds the index: it can take longer than Discord's 3 s, so `respond` defers when needed.
  const run = async (change: () => Promise<DiscordMessage>): Promise<DiscordMessage> => {
    try {
      return await change();
    } catch (error) {
      if (!(error instanceof NewsbotError)) throw error;
      outcome = 'refused';
      return renderRefusal(error.message);
    }
  };
  await respond(
    interaction,
    () =>
      run(async () => {
        if (subcommand === 'list') {
          outcome = 'shown';
          return renderLibrary(await libraries.list(guildId));
        }
        if (subcommand === 'remove') {
          const typed = interaction.options.getString('document', true);
          const found = resolveDocument((await libraries.list(guildId)).documents, typed);
          const { removed, library } = await libraries.remove(guildId, found?.id ?? typed);
          outcome = 'removed';
          return renderRemoved(removed, library);
        }
        const url = interaction.options.getString('url')?.trim() || undefined;
        const file = interaction.options.getAttachment('file');
        if ((url === undefined) === (file === null)) throw new NewsbotError('/library add needs either url: or file:, not both and not neither');
        const { added, library } = await libraries.add(
          guildId,
          url !== undefined ? { url } : { file: { name: file?.name ?? 'file', url: file?.url ?? '', size: file?.size ?? 0 } },
        );
        outcome = 'added';
        return renderAdded(added, library);
      }),
    { ephemeral: true, deferAfterMs: context.deferAfterMs },
  );
  return outcome;
}

/** Suggests the library's documents for `/library remove document:`. */
export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return interaction.respond([]);
  const engine = await engineFor(context, interaction);
  await interaction.respond(documentChoices(engine.documents(), String(interaction.options.getFocused())));
}

export const command: Command = { data, execute, autocomplete };
