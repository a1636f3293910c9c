/**
 * The HTTP half of the fake: Discord's REST API v10 as far as an interactions bot uses it.
 * Each request is parsed, answered (by a fault from `failNext`, or by its route), and recorded.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  GatewayDispatchEvents,
  InteractionResponseType,
  InteractionType,
  MessageType,
  PermissionFlagsBits,
  type APIApplicationCommand,
  type APIInteraction,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type APIUser,
  type RESTGetAPIGatewayBotResult,
  type RESTPostAPIInteractionCallbackWithResponseResult,
} from 'discord.js';
import type { FaultQueue } from './faults.js';
import { FakeInteraction } from './interaction.js';
import { isRecord, parseJson, type JsonRecord } from './json.js';
import type { DispatchData } from './gateway.js';
import { applyMessageBody, buildApplication, buildBotMessage, buildThreadChannel, snowflake, type MessageBody, type UploadedFile } from './payloads.js';
import { createRecordedRequest } from './recorder.js';
import type { FakeState } from './state.js';
import { validateAutocompleteChoices, validateCommands, validateMessageBody, type DiscordError } from './validate.js';

const API_PREFIX = '/api/v10';
const MESSAGE_FLAG_EPHEMERAL = 64;
const MESSAGE_FLAG_LOADING = 128;

export interface RestOptions {
  readonly state: FakeState;
  readonly faults: FaultQueue;
  readonly gatewayUrl: () => string;
  /** When set, bot-authenticated routes demand exactly `Bot <botToken>`. */
  readonly botToken: string | undefined;
  /** What `GET /gateway/bot` recommends: `shards` and `session_start_limit.max_concurrency`. */
  readonly shards?: number;
  readonly maxConcurrency?: number;
  /** Sends THREAD_CREATE to the bot, as Discord does when a thread is started. */
  readonly dispatchThreadCreate?: (thread: DispatchData<GatewayDispatchEvents.ThreadCreate>) => void;
}

interface RouteRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly files: readonly UploadedFile[];
}

interface RouteResult {
  readonly status: number;
  readonly json?: unknown;
}

interface Route {
  readonly method: string;
  readonly template: string;
  /** Bot-token routes; interaction callbacks and webhooks authenticate by their token in the path instead. */
  readonly auth: boolean;
  readonly handle: (request: RouteRequest) => RouteResult;
}

export function createRestHandler(options: RestOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = buildRoutes(options);
  return (req, res) => {
    handle(options, routes, req, res).catch((error: unknown) => {
      // A bug in the fake itself: answer 500 (discord.js will retry, then throw) rather than hang.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `fake-discord internal error: ${String(error)}`, code: 0 }));
    });
  };
}

async function handle(options: RestOptions, routes: readonly Route[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = Date.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://fake-discord.invalid');
  const headers = flattenHeaders(req);
  const authorization = headers.authorization;
  if (authorization !== undefined) headers.authorization = '[redacted]';
  const raw = await readBody(req);
  const parsed = await parseBody(raw, headers['content-type']);
  const query = Object.fromEntries(url.searchParams);

  // Decoded, so tests and matchers see `/messages/@original` although undici sends `%40original`.
  const fullPath = url.pathname.split('/').map(decodeSegment).join('/');
  const versioned = fullPath.startsWith(`${API_PREFIX}/`);
  const path = versioned ? fullPath.slice(API_PREFIX.length) : fullPath;
  const match = versioned ? findRoute(routes, method, path) : { kind: 'none' as const };

  let result: RouteResult;
  let extraHeaders: Readonly<Record<string, string>> = {};
  const fault = options.faults.take(method, path);
  if (fault) {
    result = { status: fault.status, json: fault.body };
    extraHeaders = fault.headers ?? {};
  } else if (parsed.error) {
    result = parsed.error;
  } else if (match.kind === 'none') {
    result = { status: 404, json: { message: '404: Not Found', code: 0 } };
  } else if (match.kind === 'wrong-method') {
    result = { status: 405, json: { message: '405: Method Not Allowed', code: 0 } };
  } else if (match.route.auth && !isAuthorized(authorization, options.botToken)) {
    result = { status: 401, json: { message: '401: Unauthorized', code: 0 } };
  } else {
    result = match.route.handle({ params: match.params, query, body: parsed.body, files: parsed.files });
  }

  const route = match.kind === 'ok' ? `${match.route.method} ${match.route.template}` : null;
  const response = result.status === 204 ? null : (result.json ?? null);
  options.state.record(
    createRecordedRequest(
      {
        method,
        path,
        query,
        route,
        headers,
        body: parsed.body,
        files: parsed.files,
        status: result.status,
        response,
        injected: fault !== undefined,
        interactionId: interactionIdFor(options.state, path),
        at,
      },
      authorization,
    ),
  );

  const responseHeaders: Record<string, string> = { ...rateLimitHeaders(route ?? path), ...extraHeaders };
  if (response === null) {
    res.writeHead(result.status, responseHeaders);
    res.end();
  } else {
    res.writeHead(result.status, { ...responseHeaders, 'content-type': 'application/json' });
    res.end(JSON.stringify(response));
  }
}

function buildRoutes({ state, gatewayUrl, shards = 1, maxConcurrency = 1, dispatchThreadCreate }: RestOptions): Route[] {
  const { world } = state;
  const route = (method: string, template: string, auth: boolean, handle: Route['handle']): Route => ({ method, template, auth, handle });

  const gatewayBot = (): RESTGetAPIGatewayBotResult => ({
    url: gatewayUrl(),
    shards,
    session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: maxConcurrency },
  });

  /** Resolves the interaction behind `/webhooks/:appId/:token`, the way Discord scopes interaction webhooks. */
  const webhookInteraction = (params: RouteRequest['params']): FakeInteraction | DiscordError => {
    const interaction = params.token === undefined ? undefined : state.interactionByToken(params.token);
    // Until the interaction is acknowledged its webhook does not exist yet.
    if (params.appId !== world.applicationId || !interaction || interaction.acknowledgedWith === null) return unknownWebhook();
    return interaction;
  };

  const resolveMessageId = (interaction: FakeInteraction, messageId: string | undefined): string | undefined => {
    if (messageId === '@original') return interaction.originalMessageId ?? undefined;
    const stored = messageId === undefined ? undefined : state.messages.get(messageId);
    return stored?.interactionId === interaction.id ? messageId : undefined;
  };

  const createMessage = (interaction: FakeInteraction, body: MessageBody, files: readonly UploadedFile[], type: MessageType): APIMessage => {
    const message = buildBotMessage(world, {
      id: snowflake(),
      channelId: channelIdOf(interaction.payload),
      body,
      files,
      type,
      ...(interactionMetadata(interaction.payload) ? { interactionMetadata: interactionMetadata(interaction.payload) } : {}),
    });
    state.messages.set(message.id, { message, interactionId: interaction.id });
    return message;
  };

  const callback = ({ params, query, body, files }: RouteRequest): RouteResult => {
    const interaction = params.id === undefined ? undefined : state.interactions.get(params.id);
    if (!interaction || interaction.token !== params.token) return error(404, 10062, 'Unknown interaction');
    if (interaction.acknowledgedWith !== null) return error(400, 40060, 'Interaction has already been acknowledged.');
    if (!isRecord(body) || typeof body.type !== 'number') return invalidType();
    const type = body.type as InteractionResponseType;
    if (!allowedCallbackTypes(interaction.type).includes(type)) return invalidType();
    const data: JsonRecord = isRecord(body.data) ? body.data : {};

    let message: APIMessage | undefined;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        const invalid = validateMessageBody(data, { requireContent: true, files: files.length, prefix: ['data'] });
        if (invalid) return invalid;
        const messageType = interaction.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default;
        message = createMessage(interaction, data, files, messageType);
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        // The "Bot is thinking..." placeholder: empty, LOADING, and ephemeral if the deferral asked for it.
        const flags = typeof data.flags === 'number' ? data.flags & MESSAGE_FLAG_EPHEMERAL : 0;
        message = createMessage(interaction, {}, [], MessageType.ChatInputCommand);
        message.flags = MESSAGE_FLAG_LOADING | flags;
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        if (type === InteractionResponseType.UpdateMessage) {
          const invalid = validateMessageBody(data, { requireContent: false, files: files.length, prefix: ['data'] });
          if (invalid) return invalid;
        }
        // Updates target the message the component is attached to.
        const original = interaction.payload.message;
        if (!original) return invalidType();
        const stored = state.messages.get(original.id) ?? { message: original, interactionId: null };
        if (type === InteractionResponseType.UpdateMessage) stored.message = applyMessageBody(stored.message, data, files);
        state.messages.set(original.id, stored);
        message = stored.message;
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        const invalid = validateAutocompleteChoices(data);
        if (invalid) return invalid;
        break;
      }
      default:
        break;
    }
    interaction.acknowledgedWith = type;
    if (message) interaction.originalMessageId = message.id;

    if (query.with_response !== 'true') return { status: 204 };
    const response: RESTPostAPIInteractionCallbackWithResponseResult = {
      interaction: {
        id: interaction.id,
        type: interaction.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
              response_message_ephemeral: ((message.flags ?? 0) & MESSAGE_FLAG_EPHEMERAL) !== 0,
            }
          : {}),
      },
      resource: { type, ...(message ? { message } : {}) },
    };
    return { status: 200, json: response };
  };

  const followUp = ({ params, query, body, files }: RouteRequest): RouteResult => {
    const interaction = webhookInteraction(params);
    if (!isInteraction(interaction)) return interaction;
    const invalid = validateMessageBody(body, { requireContent: true, files: files.length });
    if (invalid) return invalid;
    const message = createMessage(interaction, isRecord(body) ? body : {}, files, MessageType.Default);
    // Without ?wait=true Discord does not return the message (discord.js always asks for it).
    return query.wait === 'true' ? { status: 200, json: message } : { status: 204 };
  };

  const getMessage = ({ params }: RouteRequest): RouteResult => {
    const interaction = webhookInteraction(params);
    if (!isInteraction(interaction)) return interaction;
    const id = resolveMessageId(interaction, params.messageId);
    const stored = id === undefined ? undefined : state.messages.get(id);
    return stored ? { status: 200, json: stored.message } : unknownMessage();
  };

  const editMessage = ({ params, body, files }: RouteRequest): RouteResult => {
    const interaction = webhookInteraction(params);
    if (!isInteraction(interaction)) return interaction;
    const id = resolveMessageId(interaction, params.messageId);
    const stored = id === undefined ? undefined : state.messages.get(id);
    if (!stored) return unknownMessage();
    const invalid = validateMessageBody(body, { requireContent: false, files: files.length });
    if (invalid) return invalid;
    const wasLoading = ((stored.message.flags ?? 0) & MESSAGE_FLAG_LOADING) !== 0;
    const next = applyMessageBody(stored.message, isRecord(body) ? body : {}, files);
    // Filling in a deferred reply resolves the placeholder; it is not an "edit" in the UI.
    next.flags = (next.flags ?? 0) & ~MESSAGE_FLAG_LOADING;
    next.edited_timestamp = wasLoading ? null : new Date().toISOString();
    stored.message = next;
    return { status: 200, json: next };
  };

  const deleteMessage = ({ params }: RouteRequest): RouteResult => {
    const interaction = webhookInteraction(params);
    if (!isInteraction(interaction)) return interaction;
    const id = resolveMessageId(interaction, params.messageId);
    if (id === undefined || !state.messages.delete(id)) return unknownMessage();
    return { status: 204 };
  };

  const putCommands = ({ params, body }: RouteRequest): RouteResult => {
    const scope = scopeOf(params);
    if (typeof scope !== 'string') return scope;
    const invalid = validateCommands(body);
    if (invalid) return invalid;
    const existing = state.commands.get(scope) ?? [];
    const commands = (body as unknown[]).filter(isRecord).map((input): APIApplicationCommand => {
      const type = typeof input.type === 'number' ? input.type : 1;
      const previous = existing.find((c) => c.name === input.name && c.type === type);
      return {
        default_member_permissions: null,
        description: '',
        nsfw: false,
        integration_types: [0],
        contexts: null,
        name_localizations: null,
        description_localizations: null,
        ...(input as Partial<APIApplicationCommand>),
        id: previous?.id ?? snowflake(),
        application_id: world.applicationId,
        type,
        name: String(input.name),
        version: snowflake(),
        ...(scope === 'global' ? {} : { guild_id: scope }),
      };
    });
    state.commands.set(scope, commands);
    return { status: 200, json: commands };
  };

  const getCommands = ({ params }: RouteRequest): RouteResult => {
    const scope = scopeOf(params);
    return typeof scope === 'string' ? { status: 200, json: state.commands.get(scope) ?? [] } : scope;
  };

  const botHas = (permission: bigint): boolean => (BigInt(world.botPermissions) & permission) === permission;
  const guildOfChannel = (channelId: string | undefined) => world.guilds.find((g) => g.channels.some((c) => c.id === channelId));

  /** `POST /channels/:channelId/messages/:messageId/threads`: a public thread on a message, with the message's id. */
  const startThread = ({ params, body }: RouteRequest): RouteResult => {
    const guild = guildOfChannel(params.channelId);
    if (!guild) return error(404, 10003, 'Unknown Channel');
    const stored = params.messageId === undefined ? undefined : state.messages.get(params.messageId);
    if (!stored || stored.message.channel_id !== params.channelId) return unknownMessage();
    if (!botHas(PermissionFlagsBits.CreatePublicThreads)) return error(403, 50013, 'Missing Permissions');
    if (state.threads.has(stored.message.id)) return error(400, 160004, 'A thread has already been created for this message');
    const name = isRecord(body) && typeof body.name === 'string' ? body.name : '';
    if (name.length < 1 || name.length > 100) return invalidForm('name', 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    const minutes = isRecord(body) && typeof body.auto_archive_duration === 'number' ? body.auto_archive_duration : 4320;
    const thread = buildThreadChannel({ guildId: guild.id, parentId: guild.channels.find((c) => c.id === params.channelId)?.id ?? '', id: stored.message.id, name, ownerId: world.botUser.id, autoArchiveMinutes: minutes });
    state.threads.set(thread.id, thread);
    dispatchThreadCreate?.({ ...thread, newly_created: true });
    return { status: 201, json: thread };
  };

  /** `POST /channels/:channelId/messages`: the bot posts in a guild channel or a thread it can see (a reply to a mention, a thread's first message). */
  const postMessage = ({ params, body, files }: RouteRequest): RouteResult => {
    const thread = params.channelId === undefined ? undefined : state.threads.get(params.channelId);
    if (!thread && !guildOfChannel(params.channelId)) return error(404, 10003, 'Unknown Channel');
    if (!botHas(thread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages)) return error(403, 50013, 'Missing Permissions');
    const invalid = validateMessageBody(body, { requireContent: true, files: files.length });
    if (invalid) return invalid;
    const message = buildBotMessage(world, { id: snowflake(), channelId: params.channelId as string, body: isRecord(body) ? body : {}, files, type: MessageType.Default });
    // Not through a webhook: a message the bot user posts itself.
    delete message.webhook_id;
    delete message.application_id;
    const reference = isRecord(body) && isRecord(body.message_reference) ? body.message_reference : undefined;
    if (reference && typeof reference.message_id === 'string') {
      message.type = MessageType.Reply;
      message.message_reference = { message_id: reference.message_id, channel_id: params.channelId as string, ...(thread?.guild_id ? { guild_id: thread.guild_id } : {}) };
    }
    state.messages.set(message.id, { message, interactionId: null });
    return { status: 200, json: message };
  };

  /** `global` or the guild id; the application must be ours and the bot must be in the guild. */
  const scopeOf = (params: RouteRequest['params']): string | DiscordError => {
    if (params.appId !== world.applicationId) return error(403, 50001, 'Missing Access');
    if (params.guildId === undefined) return 'global';
    return world.guilds.some((g) => g.id === params.guildId) ? params.guildId : error(403, 50001, 'Missing Access');
  };

  return [
    route('GET', '/gateway', false, () => ({ status: 200, json: { url: gatewayUrl() } })),
    route('GET', '/gateway/bot', true, () => ({ status: 200, json: gatewayBot() })),
    route('GET', '/users/@me', true, () => ({ status: 200, json: world.botUser })),
    route('GET', '/applications/@me', true, () => ({ status: 200, json: buildApplication(world) })),
    route('PUT', '/applications/:appId/commands', true, putCommands),
    route('GET', '/applications/:appId/commands', true, getCommands),
    route('PUT', '/applications/:appId/guilds/:guildId/commands', true, putCommands),
    route('GET', '/applications/:appId/guilds/:guildId/commands', true, getCommands),
    route('POST', '/channels/:channelId/messages/:messageId/threads', true, startThread),
    route('POST', '/channels/:channelId/messages', true, postMessage),
    route('POST', '/interactions/:id/:token/callback', false, callback),
    route('POST', '/webhooks/:appId/:token', false, followUp),
    route('GET', '/webhooks/:appId/:token/messages/:messageId', false, getMessage),
    route('PATCH', '/webhooks/:appId/:token/messages/:messageId', false, editMessage),
    route('DELETE', '/webhooks/:appId/:token/messages/:messageId', false, deleteMessage),
  ];
}

type RouteMatch =
  | { kind: 'ok'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method' }
  | { kind: 'none' };

function findRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const segments = path.split('/').slice(1);
  let pathMatched = false;
  for (const route of routes) {
    const params = matchTemplate(route.template, segments);
    if (!params) continue;
    if (route.method === method) return { kind: 'ok', route, params };
    pathMatched = true;
  }
  return pathMatched ? { kind: 'wrong-method' } : { kind: 'none' };
}

function matchTemplate(template: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = template.split('/').slice(1);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function interactionIdFor(state: FakeState, path: string): string | undefined {
  const [root, first, second] = path.split('/').slice(1);
  if (root === 'interactions') return first;
  if (root === 'webhooks' && first === state.world.applicationId && second !== undefined) return state.interactionByToken(second)?.id;
  return undefined;
}

function allowedCallbackTypes(type: InteractionType): InteractionResponseType[] {
  switch (type) {
    case InteractionType.ApplicationCommand:
      return [InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.DeferredChannelMessageWithSource, InteractionResponseType.Modal];
    case InteractionType.MessageComponent:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
        InteractionResponseType.Modal,
      ];
    case InteractionType.ApplicationCommandAutocomplete:
      return [InteractionResponseType.ApplicationCommandAutocompleteResult];
    case InteractionType.ModalSubmit:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
      ];
    default:
      return [];
  }
}

function channelIdOf(interaction: APIInteraction): string {
  return interaction.channel?.id ?? interaction.channel_id ?? '0';
}

function interactionUser(interaction: APIInteraction): APIUser | undefined {
  return interaction.member?.user ?? interaction.user;
}

function interactionMetadata(interaction: APIInteraction): APIMessageInteractionMetadata | undefined {
  const user = interactionUser(interaction);
  if (!user) return undefined;
  const base = { id: interaction.id, user, authorizing_integration_owners: interaction.authorizing_integration_owners };
  if (interaction.type === InteractionType.ApplicationCommand) return { ...base, type: InteractionType.ApplicationCommand };
  if (interaction.type === InteractionType.MessageComponent) {
    return { ...base, type: InteractionType.MessageComponent, interacted_message_id: interaction.message.id };
  }
  return undefined;
}

function isInteraction(value: FakeInteraction | DiscordError): value is FakeInteraction {
  return value instanceof FakeInteraction;
}

function isAuthorized(authorization: string | undefined, botToken: string | undefined): boolean {
  if (authorization === undefined || !authorization.startsWith('Bot ')) return false;
  return botToken === undefined || authorization === `Bot ${botToken}`;
}

function error(status: number, code: number, message: string): DiscordError {
  return { status, json: { code, message } };
}

function invalidForm(field: string, code: string, message: string): DiscordError {
  return { status: 400, json: { code: 50035, message: 'Invalid Form Body', errors: { [field]: { _errors: [{ code, message }] } } } };
}

function unknownWebhook(): DiscordError {
  return error(404, 10015, 'Unknown Webhook');
}

function unknownMessage(): DiscordError {
  return error(404, 10008, 'Unknown Message');
}

function invalidType(): DiscordError {
  const errors = { type: { _errors: [{ code: 'BASE_TYPE_CHOICES', message: 'Value must be one of the allowed interaction response types.' }] } };
  return { status: 400, json: { code: 50035, message: 'Invalid Form Body', errors } };
}

/**
 * Constant, generous bucket headers. @discordjs/rest reads `x-ratelimit-*` after every response;
 * `remaining > 0` means it never pauses unless a test injects a 429.
 */
function rateLimitHeaders(bucketKey: string): Record<string, string> {
  return {
    'x-ratelimit-bucket': createHash('sha1').update(bucketKey).digest('hex').slice(0, 32),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '4',
    'x-ratelimit-reset': ((Date.now() + 1000) / 1000).toFixed(3),
    'x-ratelimit-reset-after': '1.000',
  };
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

interface ParsedBody {
  readonly body: unknown;
  readonly files: readonly UploadedFile[];
  readonly error?: RouteResult;
}

/** JSON, or multipart/form-data (discord.js sends `payload_json` + `files[n]` when attaching files). */
async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    // Let undici (fetch's Response) parse the multipart body instead of hand-rolling a parser.
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    let body: JsonRecord = {};
    const files: UploadedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value !== 'string') {
        files.push({ field, name: value.name, contentType: value.type, size: value.size });
      } else if (field === 'payload_json') {
        const json = parseJson(value);
        if (!isRecord(json)) return { body: value, files, error: invalidJson() };
        body = { ...body, ...json };
      } else {
        body[field] = value;
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  const json = parseJson(text);
  return json === undefined ? { body: text, files: [], error: invalidJson() } : { body: json, files: [] };
}

function invalidJson(): RouteResult {
  return { status: 400, json: { message: 'The request body contains invalid JSON.', code: 50109 } };
}

