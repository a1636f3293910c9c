/**
 * The WebSocket half of the fake: Discord's gateway v10 with JSON encoding. A bot may shard: an
 * IDENTIFY with `shard: [id, count]` gets READY and GUILD_CREATE for its own guilds only
 * (`(guild_id >> 22) % count === id`), and each guild's dispatches go to the shard that owns it
 * (DMs to shard 0), as on Discord.
 *
 * Protocol, as @discordjs/ws drives it: connect to `${url}?v=10&encoding=json` -> HELLO (op 10) ->
 * IDENTIFY (op 2) -> READY + one GUILD_CREATE per guild; or RESUME (op 6) -> missed dispatches +
 * RESUMED. Heartbeats (op 1) are ACKed (op 11). Frames are always uncompressed JSON text:
 * @discordjs/ws parses text frames as plain JSON even when it asked for compression, so there is
 * nothing to negotiate.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayOpcodes,
  type GatewayDispatchPayload,
  type GatewayIdentifyProperties,
  type GatewayReceivePayload,
} from 'discord.js';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { isRecord, parseJson, type JsonRecord } from './json.js';
import { buildGuildCreate, buildReady, guildsOfShard, sessionId, shardOf } from './payloads.js';
import type { FakeState } from './state.js';

export interface GatewayOptions {
  readonly state: FakeState;
  readonly gatewayUrl: () => string;
  readonly botToken: string | undefined;
  readonly heartbeatIntervalMs: number;
}

export interface IdentifyRecord {
  readonly intents: number;
  readonly shard: readonly [number, number] | undefined;
  readonly properties: GatewayIdentifyProperties | undefined;
  readonly compress: boolean;
  readonly largeThreshold: number | undefined;
  readonly presence: unknown;
  readonly at: number;
  /** Non-enumerable, like `RecordedRequest.authorization`, so it never shows up in test output. */
  readonly token: string;
}

export interface GatewayConnection {
  /** Query string the client connected with, e.g. `{ v: '10', encoding: 'json' }`. */
  readonly query: Readonly<Record<string, string>>;
  readonly openedAt: number;
  closedAt: number | undefined;
  closeCode: number | undefined;
}

/** A gateway frame the bot sent (tokens in IDENTIFY/RESUME replaced by `[redacted]`). */
export interface ReceivedFrame {
  readonly op: number;
  readonly d: unknown;
  readonly at: number;
}

interface Session {
  readonly id: string;
  readonly token: string;
  /** `[shard id, shard count]`; `[0, 1]` for an unsharded bot. */
  readonly shard: readonly [number, number];
  seq: number;
  /** Every dispatch of this session, so RESUME can replay what the client missed. */
  readonly log: GatewayDispatchPayload[];
  socket: WebSocket | null;
}

interface Connection {
  readonly socket: WebSocket;
  readonly record: GatewayConnection;
  session: Session | null;
}

export type DispatchEvent = GatewayDispatchPayload['t'];
export type DispatchData<T extends DispatchEvent> = Extract<GatewayDispatchPayload, { t: T }>['d'];

export class FakeGateway {
  identifyCount = 0;
  resumeCount = 0;
  heartbeatCount = 0;
  readonly identifies: IdentifyRecord[] = [];
  readonly connections: GatewayConnection[] = [];
  readonly received: ReceivedFrame[] = [];

  readonly #options: GatewayOptions;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new Map<string, Session>();
  readonly #live = new Set<Connection>();
  /** The session dispatches go to: the one most recently identified or resumed. */
  #current: Session | null = null;
  /** The latest session of each shard id, for routing a guild's dispatches to its shard. */
  readonly #byShard = new Map<number, Session>();

  constructor(options: GatewayOptions) {
    this.#options = options;
  }

  /** True while a session is attached to an open socket (READY/RESUMED already sent), for every shard of a sharded bot. */
  get ready(): boolean {
    const count = this.#current?.shard[1] ?? 1;
    const open = (session: Session | null | undefined) => session?.socket?.readyState === WebSocket.OPEN;
    return open(this.#current) && Array.from({ length: count }, (_, id) => this.#byShard.get(id)).every(open);
  }

  /** The session id of the current session, if any. */
  get sessionId(): string | undefined {
    return this.#current?.id;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'ws://fake-discord.invalid');
    if (url.pathname !== '/') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onConnection(ws, Object.fromEntries(url.searchParams)));
  }

  /**
   * Sends a dispatch (op 0) on the current session. If its socket is down (the bot is reconnecting),
   * the event is only logged and will be replayed on RESUME, as Discord does.
   */
  dispatch<T extends DispatchEvent>(t: T, d: DispatchData<T>): void {
    const current = this.#current;
    if (!current) throw new Error('fake-discord: no bot has identified on the gateway yet (await fake.waitForReady() first)');
    const count = current.shard[1];
    const guildId = guildIdOf(t, d);
    const shard = count > 1 && guildId !== undefined ? shardOf(guildId, count) : 0;
    const session = count > 1 ? this.#byShard.get(shard) : current;
    if (!session) throw new Error(`fake-discord: shard ${shard} of ${count} has not identified yet`);
    this.#dispatchTo(session, t, d);
  }

  /** Closes the current connection with `code`. 4000 makes discord.js resume; 1000 makes it re-identify. */
  async close(code: number, reason: string): Promise<void> {
    const connection = this.#currentConnection();
    const closed = new Promise<void>((resolve) => connection.socket.once('close', () => resolve()));
    connection.socket.close(code, reason);
    await closed;
  }

  /** Drops the TCP connection without a close frame (client sees 1006, like a network failure). */
  async drop(): Promise<void> {
    const connection = this.#currentConnection();
    const closed = new Promise<void>((resolve) => connection.socket.once('close', () => resolve()));
    connection.socket.terminate();
    await closed;
  }

  /** op 7: discord.js closes with 4200 and resumes on `resume_gateway_url`. */
  sendReconnect(): void {
    this.#send(this.#currentConnection().socket, { op: GatewayOpcodes.Reconnect, d: undefined, s: null, t: null });
  }

  /**
   * op 9. Resumable: discord.js sends RESUME on the same socket. Not resumable: the session is
   * forgotten here, and discord.js reconnects and IDENTIFYs (after its identify throttle; see the notes at the top of server.ts).
   */
  sendInvalidSession(resumable: boolean): void {
    const connection = this.#currentConnection();
    if (!resumable && connection.session) this.#sessions.delete(connection.session.id);
    this.#send(connection.socket, { op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null });
  }

  async stop(): Promise<void> {
    for (const connection of this.#live) connection.socket.terminate();
    this.#live.clear();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #currentConnection(): Connection {
    const current = [...this.#live].reverse().find((c) => c.session !== null && c.session === this.#current);
    const connection = current ?? [...this.#live].at(-1);
    if (!connection) throw new Error('fake-discord: no open gateway connection');
    return connection;
  }

  #onConnection(socket: WebSocket, query: Record<string, string>): void {
    const record: GatewayConnection = { query, openedAt: Date.now(), closedAt: undefined, closeCode: undefined };
    const connection: Connection = { socket, record, session: null };
    this.connections.push(record);
    this.#live.add(connection);

    socket.on('message', (data, isBinary) => this.#onFrame(connection, data, isBinary));
    socket.on('close', (code) => {
      record.closedAt = Date.now();
      record.closeCode = code;
      this.#live.delete(connection);
      if (connection.session?.socket === socket) connection.session.socket = null;
      this.#options.state.notifier.notify();
    });
    // Errors are followed by 'close'; without a listener `ws` would throw them as unhandled.
    socket.on('error', () => undefined);

    if (query.v !== '10') {
      socket.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    if (query.encoding !== 'json') {
      socket.close(GatewayCloseCodes.DecodeError, 'fake-discord only speaks encoding=json');
      return;
    }
    this.#send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.#options.heartbeatIntervalMs }, s: null, t: null });
    this.#options.state.notifier.notify();
  }

  #onFrame(connection: Connection, data: RawData, isBinary: boolean): void {
    const payload = isBinary ? undefined : parseJson(rawToString(data));
    if (!isRecord(payload) || typeof payload.op !== 'number') {
      connection.socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    this.received.push({ op: payload.op, d: redactToken(payload.d), at: Date.now() });

    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.heartbeatCount += 1;
        this.#send(connection.socket, { op: GatewayOpcodes.HeartbeatAck, d: undefined, s: null, t: null });
        break;
      case GatewayOpcodes.Identify:
        this.#identify(connection, payload.d);
        break;
      case GatewayOpcodes.Resume:
        this.#resume(connection, payload.d);
        break;
      default:
        // Presence updates, member requests, ...: accepted and recorded, but only once authenticated.
        if (!connection.session) connection.socket.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        break;
    }
    this.#options.state.notifier.notify();
  }

  #identify(connection: Connection, d: unknown): void {
    if (!isRecord(d) || typeof d.token !== 'string' || typeof d.intents !== 'number') {
      connection.socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    if (connection.session) {
      connection.socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (this.#options.botToken !== undefined && d.token !== this.#options.botToken) {
      connection.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const record = identifyRecord(d, d.token, d.intents);
    const shard = record.shard ?? [0, 1];
    if (!Number.isInteger(shard[0]) || !Number.isInteger(shard[1]) || shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]) {
      connection.socket.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
      return;
    }
    this.identifyCount += 1;
    this.identifies.push(record);

    const session: Session = { id: sessionId(), token: d.token, shard, seq: 0, log: [], socket: connection.socket };
    this.#sessions.set(session.id, session);
    connection.session = session;
    this.#current = session;
    this.#byShard.set(shard[0], session);

    const { world } = this.#options.state;
    this.#dispatchTo(session, GatewayDispatchEvents.Ready, buildReady(world, session.id, this.#options.gatewayUrl(), shard));
    for (const guild of guildsOfShard(world, shard)) this.#dispatchTo(session, GatewayDispatchEvents.GuildCreate, buildGuildCreate(world, guild));
  }

  #resume(connection: Connection, d: unknown): void {
    if (!isRecord(d) || typeof d.token !== 'string' || typeof d.session_id !== 'string' || typeof d.seq !== 'number') {
      connection.socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const session = this.#sessions.get(d.session_id);
    if (!session || session.token !== d.token || d.seq > session.seq) {
      this.#send(connection.socket, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    // A session lives on one socket at a time; a resume elsewhere kicks the old one.
    if (session.socket && session.socket !== connection.socket) session.socket.terminate();
    this.resumeCount += 1;
    session.socket = connection.socket;
    connection.session = session;
    this.#current = session;
    this.#byShard.set(session.shard[0], session);

    const lastSeen = d.seq;
    for (const missed of session.log.filter((p) => p.s > lastSeen)) this.#send(connection.socket, missed);
    this.#dispatchTo(session, GatewayDispatchEvents.Resumed, undefined);
  }

  #dispatchTo<T extends DispatchEvent>(session: Session, t: T, d: DispatchData<T>): void {
    session.seq += 1;
    // The generic pair (t, d) is exactly one member of the union, which TypeScript cannot see.
    const payload = { op: GatewayOpcodes.Dispatch, t, s: session.seq, d } as GatewayDispatchPayload;
    session.log.push(payload);
    if (session.socket) this.#send(session.socket, payload);
  }

  #send(socket: WebSocket, payload: GatewayReceivePayload): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }
}

function identifyRecord(d: JsonRecord, token: string, intents: number): IdentifyRecord {
  const shard = Array.isArray(d.shard) && d.shard.length === 2 ? ([Number(d.shard[0]), Number(d.shard[1])] as const) : undefined;
  const record = {
    intents,
    shard,
    properties: isRecord(d.properties) ? (d.properties as unknown as GatewayIdentifyProperties) : undefined,
    compress: d.compress === true,
    largeThreshold: typeof d.large_threshold === 'number' ? d.large_threshold : undefined,
    presence: d.presence,
    at: Date.now(),
  };
  Object.defineProperty(record, 'token', { value: token, enumerable: false });
  return record as IdentifyRecord;
}

/** The guild a dispatch belongs to: `guild_id`, or the guild itself for GUILD_CREATE/UPDATE/DELETE. */
function guildIdOf(t: DispatchEvent, d: unknown): string | undefined {
  if (!isRecord(d)) return undefined;
  if (typeof d.guild_id === 'string') return d.guild_id;
  const isGuild = t === GatewayDispatchEvents.GuildCreate || t === GatewayDispatchEvents.GuildUpdate || t === GatewayDispatchEvents.GuildDelete;
  return isGuild && typeof d.id === 'string' ? d.id : undefined;
}

function redactToken(d: unknown): unknown {
  return isRecord(d) && 'token' in d ? { ...d, token: '[redacted]' } : d;
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}
