/**
 * A fake Discord on 127.0.0.1 that the real discord.js v14 `Client` can log in to: REST under
 * `${restUrl}/v10/...` and the gateway at `gatewayUrl`, both on one random free port. Tests drive it
 * as Discord would (dispatch interactions, drop the gateway, answer 429) and assert on what the bot
 * sent back.
 *
 *   const fake = await FakeDiscord.start();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restUrl } });
 *   await client.login('fake-token-for-tests');
 *   const interaction = await fake.sendCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: 'Who?' }] });
 *   const answer = await interaction.waitForAnswer();
 *
 * Sharding: with `shards: 2` (and `maxConcurrency: 2`, so discord.js need not wait 5 s between the
 * two IDENTIFYs) each shard gets its own guilds, and `sendCommand` in a guild reaches only the shard
 * that owns it (`(guild_id >> 22) % 2`); `waitForReady` then waits for every shard.
 *
 * Threads and messages: `sendMessage` dispatches MESSAGE_CREATE for a person's message as Discord
 * would to this bot's intents (none without GuildMessages; empty content without MessageContent unless
 * it mentions the bot). The bot can start a public thread on one of its messages
 * (`POST /channels/:id/messages/:id/threads`, checked against `botPermissions`; THREAD_CREATE follows)
 * and post in channels and threads (`POST /channels/:id/messages`); `thread(id)` and
 * `channelMessages(id)` show the result, and interactions sent with a thread's id come from the thread.
 *
 * Things discord.js does that shape how tests should wait:
 * - Non-resumable INVALID_SESSION or a 1000 close make it re-IDENTIFY, and its identify throttle
 *   waits until 5 s after the previous IDENTIFY (+ up to 1.5 s jitter) before doing so.
 * - Any reconnect waits 500 ms before opening the new socket.
 * - 5xx responses are retried up to `rest.retries` (3) times before the call throws.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ComponentType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  type APIApplicationCommand,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIInteractionDataResolved,
  type APIMessage,
  type APIThreadChannel,
  type APIUser,
} from 'discord.js';
import { FaultQueue, type FaultResponse, type RouteMatcher } from './faults.js';
import { FakeGateway, type DispatchData, type DispatchEvent, type GatewayConnection, type IdentifyRecord, type ReceivedFrame } from './gateway.js';
import { FakeInteraction } from './interaction.js';
import {
  buildAutocompleteInteraction,
  buildBotMessage,
  buildChatInputInteraction,
  buildComponentInteraction,
  buildUser,
  buildUserMessage,
  EVERYONE_PERMISSIONS,
  interactionToken,
  snowflake,
  type GuildFixture,
  type InteractionContext,
  type World,
} from './payloads.js';
import { describeRequests, type Pending, type RecordedRequest, type WaitOptions } from './recorder.js';
import { createRestHandler } from './rest.js';
import { FakeState } from './state.js';

export { faults, routes, type FaultResponse, type RouteMatcher } from './faults.js';
export { FakeInteraction } from './interaction.js';
export type { InteractionAnswer, MessageVia, SentMessage } from './interaction.js';
/** The handle `sendCommand` & co. return. */
export type Interaction = FakeInteraction;
export type { GatewayConnection, IdentifyRecord, ReceivedFrame } from './gateway.js';
export type { MessageBody, UploadedFile } from './payloads.js';
export type { Pending, RecordedRequest, WaitOptions } from './recorder.js';

export interface FakeDiscordOptions {
  /** Also the bot's user id, as for every modern Discord application. */
  readonly applicationId?: string;
  /** Guilds the bot is in. Each gets one text channel `#general` unless `channels` are given. */
  readonly guilds?: ReadonlyArray<{ id: string; name: string; channels?: ReadonlyArray<{ id: string; name: string }> }>;
  /** If set, IDENTIFY with another token is closed with 4004 and bot REST calls get 401. */
  readonly botToken?: string;
  readonly heartbeatIntervalMs?: number;
  /** The shard count `GET /gateway/bot` recommends (default 1). Sharded bots IDENTIFY with `shard: [id, count]`. */
  readonly shards?: number;
  /** `session_start_limit.max_concurrency`: how many shards may IDENTIFY at once (default 1; discord.js waits 5 s otherwise). */
  readonly maxConcurrency?: number;
  /**
   * The bot's permissions in every channel, a bitfield as a decimal string: interactions carry it as
   * `app_permissions`, and starting a thread or posting checks it (403, code 50013, without).
   * Default: what @everyone gets in a fresh server (`EVERYONE_PERMISSIONS`), which cannot create threads.
   */
  readonly botPermissions?: string;
}

/** A message a person sends in a channel or thread (see `sendMessage`). */
export interface SendMessageOptions {
  readonly content: string;
  /** A guild text channel or a thread the bot started. Default: the first guild's first channel. */
  readonly channelId?: string;
  readonly userId?: string;
  readonly username?: string;
}

/** A slash-command option as a test writes it; sub-commands (type 1/2) nest `options`. */
export interface CommandOptionInput {
  readonly name: string;
  readonly type: number;
  readonly value?: string | number | boolean;
  readonly options?: readonly CommandOptionInput[];
  readonly focused?: boolean;
}

/** Who triggers an interaction and where. `guildId: null` means a DM with the bot. */
export interface InteractionOrigin {
  readonly userId?: string;
  readonly username?: string;
  /** Default: the first guild. */
  readonly guildId?: string | null;
  /** Default: the guild's first channel (or a DM channel). */
  readonly channelId?: string;
  /** Interaction id; default: a fresh snowflake. */
  readonly id?: string;
  /** The member's permissions in the guild, a bitfield as a decimal string (e.g. `PermissionFlagsBits.SendMessages.toString()`). Default: every permission (`MEMBER_PERMISSIONS`). */
  readonly permissions?: string;
}

export interface SendCommandOptions extends InteractionOrigin {
  readonly name: string;
  readonly options?: readonly CommandOptionInput[];
  /** Resolved users/channels/roles for options of those types. */
  readonly resolved?: APIInteractionDataResolved;
}

export interface SendComponentOptions extends InteractionOrigin {
  readonly customId: string;
  /** 2 = button (default), 3 = string select. */
  readonly componentType?: ComponentType.Button | ComponentType.StringSelect;
  /** Selected values, for string selects. */
  readonly values?: readonly string[];
  /** Click a component on a message the bot sent earlier (see `SentMessage.messageId`). */
  readonly messageId?: string;
  /** Or describe the message directly; merged over a default bot message carrying this button. */
  readonly message?: Partial<APIMessage>;
}

export interface SendAutocompleteOptions extends InteractionOrigin {
  readonly name: string;
  /** The option being typed into. Type defaults to 3 (string). */
  readonly focused: { readonly name: string; readonly value: string | number; readonly type?: number };
  /** Options already filled in. */
  readonly options?: readonly CommandOptionInput[];
}

const DEFAULT_APPLICATION_ID = '1300000000000000001';
const DEFAULT_GUILD = { id: '1300000000000000100', name: 'Fake Newsroom', channels: [{ id: '1300000000000000200', name: 'general' }] };
const DEFAULT_OWNER_ID = '1300000000000000300';
const DEFAULT_USER_ID = '1300000000000000400';
const DEFAULT_HEARTBEAT_MS = 41_250;

export class FakeDiscord {
  /** Pass as discord.js `rest.api`; discord.js then calls `${restUrl}/v10/...`. */
  readonly restUrl: string;
  /** What `GET /gateway/bot` returns, and `resume_gateway_url` in READY. */
  readonly gatewayUrl: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guilds: readonly GuildFixture[];

  readonly #server: Server;
  readonly #state: FakeState;
  readonly #gateway: FakeGateway;
  readonly #faults: FaultQueue;
  readonly #commandIds = new Map<string, string>();
  #stopped = false;

  private constructor(server: Server, port: number, state: FakeState, gateway: FakeGateway, faults: FaultQueue) {
    this.#server = server;
    this.#state = state;
    this.#gateway = gateway;
    this.#faults = faults;
    this.restUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.applicationId = state.world.applicationId;
    this.botUser = state.world.botUser;
    this.guilds = state.world.guilds;
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const applicationId = options.applicationId ?? DEFAULT_APPLICATION_ID;
    const world: World = {
      applicationId,
      botUser: buildUser(applicationId, 'newsbot', { bot: true }),
      guilds: (options.guilds ?? [DEFAULT_GUILD]).map((guild) => ({
        id: guild.id,
        name: guild.name,
        ownerId: DEFAULT_OWNER_ID,
        channels: guild.channels?.length ? guild.channels : [{ id: snowflake(), name: 'general' }],
      })),
      joinedAt: new Date().toISOString(),
      botPermissions: options.botPermissions ?? EVERYONE_PERMISSIONS,
    };
    const state = new FakeState(world);
    const faults = new FaultQueue();
    // The URLs depend on the port, which is only known after listen(); routes read them lazily.
    let gatewayUrl = '';
    const gateway = new FakeGateway({
      state,
      gatewayUrl: () => gatewayUrl,
      botToken: options.botToken,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_MS,
    });
    const server = createServer(
      createRestHandler({
        state,
        faults,
        gatewayUrl: () => gatewayUrl,
        botToken: options.botToken,
        ...(options.shards === undefined ? {} : { shards: options.shards }),
        ...(options.maxConcurrency === undefined ? {} : { maxConcurrency: options.maxConcurrency }),
        dispatchThreadCreate: (thread) => gateway.dispatch(GatewayDispatchEvents.ThreadCreate, thread),
      }),
    );
    server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    gatewayUrl = `ws://127.0.0.1:${port}`;
    return new FakeDiscord(server, port, state, gateway, faults);
  }

  // --- What was recorded ---------------------------------------------------------------------

  /** Every REST request received, in arrival order (including rejected and unknown-route ones). */
  get requests(): readonly RecordedRequest[] {
    return this.#state.requests;
  }

  get interactions(): readonly FakeInteraction[] {
    return [...this.#state.interactions.values()];
  }

  get identifyCount(): number {
    return this.#gateway.identifyCount;
  }

  get resumeCount(): number {
    return this.#gateway.resumeCount;
  }

  get heartbeatCount(): number {
    return this.#gateway.heartbeatCount;
  }

  /** One entry per IDENTIFY (intents, shard, properties; `token` is non-enumerable). */
  get identifies(): readonly IdentifyRecord[] {
    return this.#gateway.identifies;
  }

  get gatewayConnections(): readonly GatewayConnection[] {
    return this.#gateway.connections;
  }

  /** Every gateway frame the bot sent (heartbeats, identify, presence updates, ...). */
  get gatewayFrames(): readonly ReceivedFrame[] {
    return this.#gateway.received;
  }

  /** Current state of a message the bot created or updated. */
  message(id: string): APIMessage | undefined {
    return this.#state.messages.get(id)?.message;
  }

  /** A thread the bot started (its id is the id of the message it was started on). */
  thread(id: string): APIThreadChannel | undefined {
    return this.#state.threads.get(id);
  }

  /** Every message the bot posted in a channel or thread itself (not through an interaction), oldest first. */
  channelMessages(channelId: string): APIMessage[] {
    return [...this.#state.messages.values()].filter((m) => m.interactionId === null && m.message.channel_id === channelId && m.message.author.id === this.botUser.id).map((m) => m.message);
  }

  /** Commands the bot registered, globally or for one guild. */
  commands(guildId?: string): readonly APIApplicationCommand[] {
    return this.#state.commands.get(guildId ?? 'global') ?? [];
  }

  // --- Waiting -------------------------------------------------------------------------------

  /** Resolves once a bot has IDENTIFIED (or RESUMED) and got READY + GUILD_CREATEs on an open socket. */
  async waitForReady(options?: WaitOptions): Promise<void> {
    await this.waitFor(() => this.#gateway.ready, 'a bot to be connected and READY', options);
  }

  /**
   * Generic wait, e.g. `await fake.waitFor(() => fake.resumeCount === 1, 'a RESUME')`. Resolves with
   * the first value of `probe` that is not undefined/null/false. The probe is re-checked whenever the
   * fake sees something (REST request, gateway frame, socket open/close), so it must depend on the
   * fake's state; to wait for something the bot does without talking to Discord, await the bot.
   */
  waitFor<T>(probe: () => Pending<T>, what: string, options?: WaitOptions): Promise<T> {
    return this.#state.notifier.waitFor(probe, what, () => this.#describe(), options);
  }

  /** First recorded request (from index `since`, default 0) that satisfies `match`. */
  waitForRequest(match: (request: RecordedRequest) => boolean, options: WaitOptions & { since?: number } = {}): Promise<RecordedRequest> {
    const since = options.since ?? 0;
    return this.waitFor(() => this.#state.requests.slice(since).find(match), 'a matching REST request', options);
  }

  // --- Sending events ------------------------------------------------------------------------

  /** INTERACTION_CREATE for a slash command (type 2, APPLICATION_COMMAND / CHAT_INPUT). */
  async sendCommand(options: SendCommandOptions): Promise<FakeInteraction> {
    const ctx = await this.#context(options);
    const payload = buildChatInputInteraction(ctx, {
      id: this.#commandId(options.name, ctx.guild?.id ?? null),
      name: options.name,
      ...(options.options ? { options: toApiOptions(options.options) } : {}),
      ...(options.resolved ? { resolved: options.resolved } : {}),
    });
    return this.#dispatchInteraction(payload);
  }

  /** INTERACTION_CREATE for a button click / select (type 3, MESSAGE_COMPONENT). */
  async sendComponent(options: SendComponentOptions): Promise<FakeInteraction> {
    const ctx = await this.#context(options);
    const componentType = options.componentType ?? ComponentType.Button;
    const payload = buildComponentInteraction(
      ctx,
      { customId: options.customId, componentType, ...(options.values ? { values: [...options.values] } : {}) },
      this.#componentMessage(options, ctx),
    );
    return this.#dispatchInteraction(payload);
  }

  /** INTERACTION_CREATE for autocomplete (type 4) with one focused option. */
  async sendAutocomplete(options: SendAutocompleteOptions): Promise<FakeInteraction> {
    const ctx = await this.#context(options);
    const focused: CommandOptionInput = { name: options.focused.name, type: options.focused.type ?? 3, value: options.focused.value, focused: true };
    const payload = buildAutocompleteInteraction(ctx, {
      id: this.#commandId(options.name, ctx.guild?.id ?? null),
      name: options.name,
      options: toApiOptions([...(options.options ?? []), focused]),
    });
    return this.#dispatchInteraction(payload);
  }

  /**
   * MESSAGE_CREATE for a message a person sends in a guild channel or thread, dispatched as Discord
   * would to this bot: not at all without the GuildMessages intent, and with empty content without
   * the MessageContent intent unless the message mentions the bot (`<@botId>`). Returns its id, or
   * `undefined` when the bot's intents keep it from the bot.
   */
  async sendMessage(options: SendMessageOptions): Promise<string | undefined> {
    if (this.#gateway.sessionId === undefined) await this.waitForReady();
    const channelId = options.channelId ?? this.guilds[0]?.channels[0]?.id ?? '';
    const guild = this.guilds.find((g) => g.channels.some((c) => c.id === channelId) || this.#state.threads.get(channelId)?.guild_id === g.id);
    if (!guild) throw new Error(`fake-discord: no guild channel or thread ${channelId}`);
    const intents = this.#gateway.identifies[this.#gateway.identifies.length - 1]?.intents ?? 0;
    const id = snowflake();
    const author = buildUser(options.userId ?? DEFAULT_USER_ID, options.username ?? 'tester', { global_name: options.username ?? 'Tester' });
    const message = buildUserMessage(this.#state.world, { id, guildId: guild.id, channelId, author, content: options.content });
    if ((intents & GatewayIntentBits.GuildMessages) === 0) return undefined;
    const mentionsBot = message.mentions.some((user) => user.id === this.botUser.id);
    if ((intents & GatewayIntentBits.MessageContent) === 0 && !mentionsBot) message.content = '';
    this.#gateway.dispatch(GatewayDispatchEvents.MessageCreate, message);
    return id;
  }

  /** Any other gateway dispatch, e.g. `dispatch(GatewayDispatchEvents.GuildDelete, { id, unavailable: true })`. */
  dispatch<T extends DispatchEvent>(t: T, d: DispatchData<T>): void {
    this.#gateway.dispatch(t, d);
  }

  // --- Fault injection -----------------------------------------------------------------------

  /**
   * The next `times` REST requests matching `matcher` get `response` instead of being handled
   * (no state changes). See `faults` for realistic responses and `routes` for matchers.
   */
  failNext(matcher: RouteMatcher, response: FaultResponse, times = 1): void {
    this.#faults.add(matcher, response, times);
  }

  /** Closes the bot's gateway socket with `code` (4000: discord.js resumes; 1000: it re-identifies). */
  closeGateway(code = 4000, reason = 'fake-discord closed the connection'): Promise<void> {
    return this.#gateway.close(code, reason);
  }

  /** Cuts the gateway TCP connection without a close frame (client sees 1006 and resumes). */
  dropGateway(): Promise<void> {
    return this.#gateway.drop();
  }

  /** op 7 RECONNECT: discord.js reconnects and RESUMEs. */
  sendReconnect(): void {
    this.#gateway.sendReconnect();
  }

  /** op 9 INVALID_SESSION: resumable -> RESUME on the same socket; otherwise a fresh IDENTIFY (slow, see top). */
  sendInvalidSession(resumable: boolean): void {
    this.#gateway.sendInvalidSession(resumable);
  }

  /** Closes sockets and the HTTP server, and fails pending waits. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#state.notifier.close('stopped');
    await this.#gateway.stop();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // --- Internals -----------------------------------------------------------------------------

  async #context(origin: InteractionOrigin): Promise<InteractionContext> {
    if (this.#gateway.sessionId === undefined) await this.waitForReady();
    const guild = origin.guildId === null ? null : this.#guild(origin.guildId);
    const userId = origin.userId ?? DEFAULT_USER_ID;
    const id = origin.id ?? snowflake();
    if (this.#state.interactions.has(id)) throw new Error(`fake-discord: interaction id ${id} was already used`);
    const channelId = origin.channelId ?? guild?.channels[0]?.id ?? `${BigInt(userId) + 1n}`;
    const thread = this.#state.threads.get(channelId);
    return {
      world: this.#state.world,
      id,
      token: interactionToken(),
      user: buildUser(userId, origin.username ?? 'tester', { global_name: origin.username ?? 'Tester' }),
      guild: thread ? this.#guild(thread.guild_id) : guild,
      channelId,
      ...(thread ? { thread } : {}),
      ...(origin.permissions === undefined ? {} : { permissions: origin.permissions }),
    };
  }

  #guild(guildId: string | undefined): GuildFixture {
    const guild = guildId === undefined ? this.guilds[0] : this.guilds.find((g) => g.id === guildId);
    if (!guild) throw new Error(`fake-discord: the bot is not in guild ${guildId ?? '(none configured)'}`);
    return guild;
  }

  /** The id the bot registered for this command name, or a stable made-up one. */
  #commandId(name: string, guildId: string | null): string {
    const registered = this.#state.registeredCommand(name, guildId);
    if (registered) return registered.id;
    const key = `${guildId ?? 'global'}:${name}`;
    const id = this.#commandIds.get(key) ?? snowflake();
    this.#commandIds.set(key, id);
    return id;
  }

  #componentMessage(options: SendComponentOptions, ctx: InteractionContext): APIMessage {
    if (options.messageId !== undefined) {
      const stored = this.#state.messages.get(options.messageId);
      if (!stored) throw new Error(`fake-discord: no message ${options.messageId} (only messages the bot sent can be clicked)`);
      return stored.message;
    }
    const button = { type: ComponentType.Button, style: 1, label: 'Button', custom_id: options.customId } as const;
    const base = buildBotMessage(this.#state.world, {
      id: snowflake(),
      channelId: ctx.channelId,
      body: { content: 'An earlier answer', components: [{ type: ComponentType.ActionRow, components: [button] }] },
      files: [],
      type: 0,
    });
    return { ...base, ...options.message };
  }

  #dispatchInteraction(payload: APIInteraction): FakeInteraction {
    const interaction = new FakeInteraction(payload, Date.now(), {
      notifier: this.#state.notifier,
      requests: this.#state.requests,
      message: (id) => this.message(id),
      describe: () => this.#describe(),
    });
    this.#state.interactions.set(interaction.id, interaction);
    this.#gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return interaction;
  }

  #describe(): string {
    const gateway = `Gateway: ${this.#gateway.connections.length} connection(s), identify=${this.identifyCount}, resume=${this.resumeCount}, ready=${this.#gateway.ready}`;
    return `${gateway}\nREST requests:\n${describeRequests(this.#state.requests)}`;
  }
}

/** Test-friendly options -> API shape; the API type is a union keyed on `type` that literals cannot narrow. */
function toApiOptions(options: readonly CommandOptionInput[]): APIApplicationCommandInteractionDataOption[] {
  return options.map((option) => ({
    name: option.name,
    type: option.type,
    ...(option.value !== undefined ? { value: option.value } : {}),
    ...(option.options ? { options: toApiOptions(option.options) } : {}),
    ...(option.focused ? { focused: true } : {}),
  })) as APIApplicationCommandInteractionDataOption[];
}

