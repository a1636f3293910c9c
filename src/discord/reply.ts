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
  const components = message.buttons.length === 0 ? [] : [
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      message.buttons.map((b) => new ButtonBuilder().setCustomId(b.customId).setLabel(b.label).setStyle(ButtonStyle.Secondary)),
    ),
  ];
  return {
    content: message.content,
    components,
    allowedMentions: NO_MENTIONS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

/**
 * Replies with what `produce` makes. Discord drops an interaction not answered
 * within 3 s, so when producing takes longer than `deferAfterMs` the reply is
 * deferred first and the message edited in when ready.
 */
export async function respond(interaction: Repliable, produce: () => DiscordMessage | Promise<DiscordMessage>, options: { ephemeral?: boolean; deferAfterMs: number }): Promise<void> {
  const ephemeral = options.ephemeral ?? false;
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
  const { content, components, allowedMentions } = replyOptions(await work);
  await interaction.editReply({ content: content ?? '', components: components ?? [], allowedMentions: allowedMentions ?? NO_MENTIONS });
}
