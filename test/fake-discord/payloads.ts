/**
 * Builders for the JSON objects the fake Discord sends: gateway dispatch data, interactions and
 * messages. They are typed against discord-api-types (re-exported by discord.js), so a missing
 * field that real Discord always sends is a compile error here instead of a confusing
 * `Cannot read properties of undefined` deep inside discord.js.
 */
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
  type APIApplication,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionDataResolved,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIMessageInteractionMetadata,
  type APITextChannel,
  type APIThreadChannel,
  type APIUser,
  type GatewayMessageCreateDispatchData,
  type ThreadAutoArchiveDuration,
  type ApplicationFlags,
  type ChannelFlags,
  type GatewayGuildCreateDispatchData,
  type GuildMemberFlags,
  type MessageFlags,
  type RoleFlags,
  type UserFlags,
  type GatewayReadyDispatchData,
} from 'discord.js';

/** An empty bitfield. The flag enums have no `0` member, so TypeScript needs the cast. */
const NO_FLAGS = 0;

const DISCORD_EPOCH = 1_420_070_400_000n;
let snowflakeIncrement = 0n;

/** A real-looking snowflake: discord.js derives `createdAt` from ids, so they must encode a sane time. */
export function snowflake(at: number = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return ((BigInt(at) - DISCORD_EPOCH) << 22n | snowflakeIncrement).toString();
}

/** Interaction tokens travel in URL paths (`/interactions/:id/:token/callback`), so keep them URL-safe. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`;
}

export function sessionId(): string {
  return randomBytes(16).toString('hex');
}

/** What the whole fake knows about "its" Discord: one application/bot and some guilds. */
export interface World {
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guilds: readonly GuildFixture[];
  /** When the bot "joined" every guild; fixed so GUILD_CREATE is stable across reconnects. */
  readonly joinedAt: string;
  /** The bot's permissions in every guild channel (a bitfield as a decimal string): interactions' `app_permissions`, and what REST checks. */
  readonly botPermissions: string;
}

export interface GuildFixture {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly channels: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/** Permissions of @everyone: what a fresh server grants, enough for a bot to read, reply and embed. */
export const EVERYONE_PERMISSIONS = (
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands
).toString();

/** Permissions of the member invoking a command (an admin-ish tester). */
export const MEMBER_PERMISSIONS = '2147483647';

/** A guild member with no roles, nickname or flags: the bot's own member, or the user of an interaction. */
function buildMember(user: APIUser, world: World): APIGuildMember {
  return {
    user,
    roles: [],
    joined_at: world.joinedAt,
    deaf: false,
    mute: false,
    flags: NO_FLAGS as GuildMemberFlags,
    nick: null,
    avatar: null,
    premium_since: null,
    pending: false,
    communication_disabled_until: null,
  };
}

export function buildUser(id: string, username: string, extra: Partial<APIUser> = {}): APIUser {
  return { id, username, discriminator: '0', global_name: null, avatar: null, ...extra };
}

/** Which shard Discord routes a guild's events to: `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** The guilds a shard receives (all of them for an unsharded bot). */
export function guildsOfShard(world: World, shard: readonly [number, number]): GuildFixture[] {
  return world.guilds.filter((guild) => shardOf(guild.id, shard[1]) === shard[0]);
}

export function buildReady(world: World, session: string, resumeGatewayUrl: string, shard: readonly [number, number] = [0, 1]): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...world.botUser, verified: true, mfa_enabled: false, flags: NO_FLAGS as UserFlags },
    guilds: guildsOfShard(world, shard).map((guild) => ({ id: guild.id, unavailable: true })),
    session_id: session,
    resume_gateway_url: resumeGatewayUrl,
    shard: [shard[0], shard[1]],
    application: { id: world.applicationId, flags: NO_FLAGS as ApplicationFlags, flags_new: '0' },
  };
}

export function buildTextChannel(guildId: string, id: string, name: string, position: number): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: NO_FLAGS as ChannelFlags,
  };
}

export function buildGuildCreate(world: World, guild: GuildFixture): GatewayGuildCreateDispatchData {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [
      {
        // The @everyone role shares the guild's id; discord.js relies on that (`guild.roles.everyone`).
        id: guild.id,
        name: '@everyone',
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: EVERYONE_PERMISSIONS,
        managed: false,
        mentionable: false,
        flags: NO_FLAGS as RoleFlags,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    incidents_data: null,
    joined_at: world.joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    // Real Discord always includes the bot's own member, which is what makes `guild.members.me` work.
    members: [
      buildMember(world.botUser, world),
    ],
    channels: guild.channels.map((channel, position) => {
      // GUILD_CREATE omits guild_id on channels (discord.js fills it in).
      const { guild_id: _omitted, ...rest } = buildTextChannel(guild.id, channel.id, channel.name, position);
      return rest;
    }),
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function buildApplication(world: World): APIApplication {
  return {
    id: world.applicationId,
    name: world.botUser.username,
    icon: null,
    description: '',
    bot_public: false,
    bot_require_code_grant: false,
    bot: world.botUser,
    summary: '',
    verify_key: 'f'.repeat(64),
    team: null,
    flags: NO_FLAGS as ApplicationFlags,
    flags_new: '0',
    owner: buildUser(world.guilds[0]?.ownerId ?? snowflake(), 'owner'),
    approximate_guild_count: world.guilds.length,
    interactions_endpoint_url: null,
  };
}

/** Who is clicking/typing, and where. `guild` null means a DM with the bot. */
export interface InteractionContext {
  readonly world: World;
  readonly id: string;
  readonly token: string;
  readonly user: APIUser;
  readonly guild: GuildFixture | null;
  readonly channelId: string;
  /** The invoking member's permissions (a bitfield as a decimal string). Default {@link MEMBER_PERMISSIONS}. */
  readonly permissions?: string;
  /** Set when the interaction comes from a thread: its channel object. */
  readonly thread?: APIThreadChannel;
}

/** Fields every interaction type shares. Guild interactions carry `member`, DM ones carry `user`. */
function baseInteraction(ctx: InteractionContext) {
  const { world, guild } = ctx;
  const common = {
    id: ctx.id,
    application_id: world.applicationId,
    token: ctx.token,
    version: 1 as const,
    app_permissions: guild ? world.botPermissions : '0',
    locale: Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: guild
      ? { [ApplicationIntegrationType.GuildInstall]: guild.id }
      : { [ApplicationIntegrationType.UserInstall]: ctx.user.id },
    attachment_size_limit: 10 * 1024 * 1024,
    channel_id: ctx.channelId,
  };
  if (!guild) {
    return {
      ...common,
      user: ctx.user,
      context: InteractionContextType.BotDM,
      channel: { id: ctx.channelId, type: ChannelType.DM as const, last_message_id: null, recipients: [ctx.user] },
    };
  }
  const member: APIInteractionGuildMember = { ...buildMember(ctx.user, world), permissions: ctx.permissions ?? MEMBER_PERMISSIONS };
  const channelName = guild.channels.find((c) => c.id === ctx.channelId)?.name ?? 'unknown';
  return {
    ...common,
    guild_id: guild.id,
    guild: { id: guild.id, locale: Locale.EnglishUS, features: [] },
    guild_locale: Locale.EnglishUS,
    member,
    context: InteractionContextType.Guild,
    channel: ctx.thread ?? buildTextChannel(guild.id, ctx.channelId, channelName, 0),
  };
}

export function buildChatInputInteraction(
  ctx: InteractionContext,
  command: {
    id: string;
    name: string;
    options?: APIApplicationCommandInteractionDataOption[];
    resolved?: APIInteractionDataResolved;
  },
): APIChatInputApplicationCommandInteraction {
  return {
    ...baseInteraction(ctx),
    type: InteractionType.ApplicationCommand,
    data: {
      id: command.id,
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      ...(ctx.guild ? { guild_id: ctx.guild.id } : {}),
      ...(command.options ? { options: command.options } : {}),
      ...(command.resolved ? { resolved: command.resolved } : {}),
    },
  };
}

export function buildAutocompleteInteraction(
  ctx: InteractionContext,
  command: { id: string; name: string; options: APIApplicationCommandInteractionDataOption[] },
): APIApplicationCommandAutocompleteInteraction {
  return {
    ...baseInteraction(ctx),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: command.id,
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      ...(ctx.guild ? { guild_id: ctx.guild.id } : {}),
      options: command.options,
    },
  };
}

export function buildComponentInteraction(
  ctx: InteractionContext,
  component: { customId: string; componentType: ComponentType.Button | ComponentType.StringSelect; values?: string[] },
  message: APIMessage,
): APIMessageComponentInteraction {
  const data =
    component.componentType === ComponentType.StringSelect
      ? { custom_id: component.customId, component_type: ComponentType.StringSelect as const, values: component.values ?? [] }
      : { custom_id: component.customId, component_type: ComponentType.Button as const };
  const base = baseInteraction(ctx);
  return {
    ...base,
    type: InteractionType.MessageComponent,
    // Component interactions always carry a channel id and the full message the component sits on.
    channel: base.channel,
    channel_id: ctx.channelId,
    app_permissions: base.app_permissions,
    data,
    message,
  };
}

/** The subset of a message body (reply, edit, follow-up) the fake turns into a stored message. */
export interface MessageBody {
  content?: string | null;
  embeds?: APIMessage['embeds'] | null;
  components?: APIMessage['components'] | null;
  flags?: number | null;
  attachments?: Array<{ id: string | number; filename?: string; description?: string }> | null;
  tts?: boolean;
}

export interface UploadedFile {
  readonly field: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

/** Mirrors how Discord builds the message object it returns for an interaction response or follow-up. */
export function buildBotMessage(
  world: World,
  opts: {
    id: string;
    channelId: string;
    body: MessageBody;
    files: readonly UploadedFile[];
    type: MessageType;
    interactionMetadata?: APIMessageInteractionMetadata;
  },
): APIMessage {
  const message: APIMessage = {
    id: opts.id,
    type: opts.type,
    channel_id: opts.channelId,
    author: world.botUser,
    content: '',
    mention_everyone: false,
    mentions: [],
    ...freshMessage(),
    // Interaction responses are sent through the application's webhook.
    webhook_id: world.applicationId,
    application_id: world.applicationId,
  };
  if (opts.interactionMetadata) message.interaction_metadata = opts.interactionMetadata;
  return applyMessageBody(message, opts.body, opts.files);
}

/** PATCH semantics: fields present in the body replace the stored ones, absent ones are kept. */
export function applyMessageBody(message: APIMessage, body: MessageBody, files: readonly UploadedFile[]): APIMessage {
  const next: APIMessage = { ...message };
  if (body.content !== undefined) next.content = body.content ?? '';
  if (body.embeds !== undefined) next.embeds = body.embeds ?? [];
  if (body.components !== undefined) next.components = body.components ?? [];
  if (body.tts !== undefined) next.tts = body.tts;
  if (body.flags !== undefined && body.flags !== null) {
    // Only EPHEMERAL (64) and SUPPRESS_EMBEDS (4) can be set by the sender; LOADING (128) is Discord's own.
    next.flags = ((next.flags ?? 0) & ~(64 | 4)) | (body.flags & (64 | 4));
  }
  if (body.attachments !== undefined || files.length > 0) {
    const kept = (body.attachments ?? []).flatMap((ref) => message.attachments.filter((a) => a.id === String(ref.id)));
    const uploaded: APIAttachment[] = files.map((file) => {
      const id = snowflake();
      const url = `https://cdn.discordapp.com/attachments/${message.channel_id}/${id}/${encodeURIComponent(file.name)}`;
      return { id, filename: file.name, size: file.size, url, proxy_url: url, content_type: file.contentType };
    });
    next.attachments = [...kept, ...uploaded];
  }
  return next;
}

/** A public thread started on a message: Discord gives it the message's id. */
export function buildThreadChannel(opts: { guildId: string; parentId: string; id: string; name: string; ownerId: string; autoArchiveMinutes: number }): APIThreadChannel<ChannelType.PublicThread> {
  const now = new Date().toISOString();
  return {
    id: opts.id,
    type: ChannelType.PublicThread,
    guild_id: opts.guildId,
    parent_id: opts.parentId,
    name: opts.name,
    owner_id: opts.ownerId,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: NO_FLAGS as ChannelFlags,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    thread_metadata: { archived: false, auto_archive_duration: opts.autoArchiveMinutes as ThreadAutoArchiveDuration, archive_timestamp: now, locked: false, create_timestamp: now },
  };
}

/**
 * A message a person sends in a guild channel or thread, as MESSAGE_CREATE carries it. `mentions`
 * lists the users its content mentions (`<@id>`), as Discord works them out.
 */
export function buildUserMessage(world: World, opts: { id: string; guildId: string; channelId: string; author: APIUser; content: string }): GatewayMessageCreateDispatchData {
  const mentioned = new Set([...opts.content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1] as string));
  const known = [world.botUser, opts.author].filter((user) => mentioned.has(user.id));
  return {
    id: opts.id,
    type: MessageType.Default,
    channel_id: opts.channelId,
    guild_id: opts.guildId,
    author: opts.author,
    member: { roles: [], joined_at: world.joinedAt, deaf: false, mute: false, flags: NO_FLAGS as GuildMemberFlags, nick: null, avatar: null, premium_since: null, pending: false, communication_disabled_until: null },
    content: opts.content,
    mention_everyone: /@(everyone|here)\b/.test(opts.content),
    mentions: known,
    ...freshMessage(),
  };
}

/** The fields every new message starts with, whoever sends it: sent now, never edited, nothing attached. */
function freshMessage(): Pick<APIMessage, 'timestamp' | 'edited_timestamp' | 'tts' | 'mention_roles' | 'attachments' | 'embeds' | 'components' | 'pinned' | 'flags'> {
  return {
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: NO_FLAGS as MessageFlags,
  };
}
