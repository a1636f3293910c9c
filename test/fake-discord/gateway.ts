/**
 * The WebSocket half of the fake: Discord's gateway v10 with JSON encoding, for a single shard.
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
import { buildGuildCreate, buildReady, sessionId } from './payloads.js';
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

  constructor(options: GatewayOptions) {
    this.#options = options;
  }

  /** True while a session is attached to an open socket (READY/RESUMED already sent). */
  get ready(): boolean {
    return this.#current?.socket?.readyState === WebSocket.OPEN;
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
    const session = this.#current;
    if (!session) throw new Error('fake-discord: no bot has identified on the gateway yet (await fake.waitForReady() first)');
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
    this.identifyCount += 1;
    this.identifies.push(identifyRecord(d, d.token, d.intents));

    const session: Session = { id: sessionId(), token: d.token, seq: 0, log: [], socket: connection.socket };
    this.#sessions.set(session.id, session);
    connection.session = session;
    this.#current = session;

    const { world } = this.#options.state;
    this.#dispatchTo(session, GatewayDispatchEvents.Ready, buildReady(world, session.id, this.#options.gatewayUrl()));
    for (const guild of world.guilds) this.#dispatchTo(session, GatewayDispatchEvents.GuildCreate, buildGuildCreate(world, guild));
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

function redactToken(d: unknown): unknown {
  return isRecord(d) && 'token' in d ? { ...d, token: '[redacted]' } : d;
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}
