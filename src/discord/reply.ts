import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
} from 'discord.js';
import type { DiscordMessage } from '../render/discord.js';

/** Mentions in quotes or questions (`@everyone`, `<@id>`) are shown, never pinged: every message says so explicitly. */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false } as const;

/** A rendered message as discord.js reply options: buttons in one row, no mentions, ephemeral on request. */
export function replyOptions(message: DiscordMessage, ephemeral = false): InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } {
  return { ...messageOptions(message), ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) };
}

/** A rendered message as options of a plain message (a reply to a mention, a post in a thread): buttons in one row, no mentions, not even the replied-to author. */
export function messageOptions(message: DiscordMessage): { content: string; components: Array<ActionRowBuilder<ButtonBuilder>>; allowedMentions: typeof NO_MENTIONS } {
  const components = message.buttons.length === 0 ? [] : [
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      message.buttons.map((b) => new ButtonBuilder().setCustomId(b.customId).setLabel(b.label).setStyle(ButtonStyle.Secondary)),
    ),
  ];
  return { content: message.content, components, allowedMentions: NO_MENTIONS };
}

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

/**
 * Replies, or fills in the deferred reply when the command was deferred while
 * its server's library loaded (see `engineFor`). A deferred reply keeps the
 * visibility it was deferred with.
 */
export async function send(interaction: Repliable, message: DiscordMessage, ephemeral = false): Promise<void> {
  const options = replyOptions(message, ephemeral);
  if (!interaction.deferred) {
    await interaction.reply(options);
    return;
  }
  await interaction.editReply({ content: options.content ?? '', components: options.components ?? [], allowedMentions: options.allowedMentions ?? NO_MENTIONS });
}

/**
 * Replies with what `produce` makes. Discord drops an interaction not answered
 * within 3 s, so when producing takes longer than `deferAfterMs` the reply is
 * deferred first and the message edited in when ready.
 */
export async function respond(interaction: Repliable, produce: () => DiscordMessage | Promise<DiscordMessage>, options: { ephemeral?: boolean; deferAfterMs: number }): Promise<void> {
  const ephemeral = options.ephemeral ?? false;
  if (interaction.deferred) {
    await send(interaction, await produce());
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const deferred = new Promise<'deferred'>((resolve) => {
    timer = setTimeout(() => resolve('deferred'), options.deferAfterMs);
  });
  const work = Promise.resolve().then(produce);
  const first = await Promise.race([work, deferred]);
  clearTimeout(timer);
  if (first !== 'deferred') {
    await interaction.reply(replyOptions(first, ephemeral));
    return;
  }
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  await send(interaction, await work);
}
