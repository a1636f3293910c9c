/**
 * Fetching a web page for ingestion, defensively: the address comes from a
 * Discord user, so this is where server-side request forgery is stopped.
 *
 * - only `http:` and `https:`, no user name or password in the address;
 * - the host is resolved first, every address it resolves to is checked, and the
 *   connection goes to the checked address (the socket's DNS lookup is pinned to
 *   it, so a second resolution cannot rebind it to 127.0.0.1); private,
 *   loopback, link-local and other non-public ranges are refused unless
 *   `allowPrivate` is set;
 * - redirects are followed by hand, at most `maxRedirects`, each hop checked
 *   like the first; a loop is named as one;
 * - one deadline (`timeoutMs`) covers every hop and the whole body;
 * - the body is streamed and the transfer aborted past `maxBytes` (counted
 *   after decompression, so a compressed bomb is stopped too);
 * - only text types are accepted (`text/html`, `text/plain`, `text/markdown`).
 *
 * Every refusal is a `NewsbotError` that says why and quotes the address.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { NewsbotError, quoteValue } from '../errors.js';

/** Limits of one fetch. Defaults suit a news article; tests shrink them. */
export interface FetchOptions {
  /** Allow private, loopback and link-local addresses (`ALLOW_PRIVATE_URLS`). Default `false`. */
  allowPrivate?: boolean;
  /** Largest body, in bytes after decompression. Default 5 MB. */
  maxBytes?: number;
  /** Milliseconds for the whole fetch, redirects and body included. Default 10 000. */
  timeoutMs?: number;
  /** Redirects followed at most. Default 5. */
  maxRedirects?: number;
  /** Which media types (lower case, without parameters; `''` when the server sent none) are accepted. Default: {@link TEXT_TYPES}. */
  accept?: (mediaType: string) => boolean;
  /** Which resolved addresses are refused. Default: {@link isPrivateAddress}, unless `allowPrivate`. Tests narrow it. */
  isBlocked?: (address: string) => boolean;
  /** Resolves a host name to its addresses. Default: the system resolver (`dns.lookup`, all addresses). Tests stub it. */
  resolve?: (hostname: string) => Promise<Array<{ address: string; family: number }>>;
}

/** A fetched page: its final address, media type and raw bytes. */
export interface FetchedPage {
  /** The address after redirects. */
  url: string;
  /** Lower-case media type without parameters (`text/html`); `''` when the server sent none. */
  mediaType: string;
  /** The `charset` parameter of `Content-Type`, when given. */
  charset: string | undefined;
  body: Buffer;
}

export const DEFAULT_FETCH_LIMITS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 5 } as const;

/** The media types a page may have: a web page, plain text or Markdown. */
export const TEXT_TYPES: readonly string[] = ['text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown', 'text/x-markdown'];

const USER_AGENT = 'newsbot/0.1 (article ingestion)';

/** Fetches `input` within the limits, or throws a `NewsbotError` that says why not. */
export async function fetchPage(input: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes;
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs;
  const maxRedirects = options.maxRedirects ?? DEFAULT_FETCH_LIMITS.maxRedirects;
  const accept = options.accept ?? ((type: string) => TEXT_TYPES.includes(type));
  const first = parseUrl(input);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const seen = new Set<string>();
  let url = first;
  try {
    for (let hop = 0; ; hop++) {
      seen.add(url.href);
      const address = await checkedAddress(url, options);
      const response = await get(url, address, controller.signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304) {
        response.resume();
        const location = response.headers.location;
        if (!location) throw new NewsbotError(`${quoteValue(url.href)} redirects without saying where to`);
        const next = parseUrl(location, url);
        if (seen.has(next.href)) throw new NewsbotError(`${quoteValue(first.href)} redirects in a loop (back to ${quoteValue(next.href)})`);
        if (hop >= maxRedirects) throw new NewsbotError(`${quoteValue(first.href)} redirects more than ${maxRedirects} times`);
        url = next;
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new NewsbotError(`${quoteValue(url.href)} answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`);
      }
      const [rawType = '', ...params] = (response.headers['content-type'] ?? '').split(';');
      const mediaType = rawType.trim().toLowerCase();
      if (!accept(mediaType)) {
        response.resume();
        const got = mediaType === '' ? 'has no content type' : `is ${mediaType}`;
        throw new NewsbotError(`${quoteValue(url.href)} ${got}, not a web page or text (text/html, text/plain or text/markdown)`);
      }
      const length = Number(response.headers['content-length']);
      if (Number.isFinite(length) && length > maxBytes) {
        response.destroy();
        throw new NewsbotError(`${quoteValue(url.href)} is larger than ${formatBytes(maxBytes)} (${formatBytes(length)})`);
      }
      const body = await readBody(response, maxBytes, url.href);
      const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1]).find((c) => c !== undefined);
      return { url: url.href, mediaType, charset: charset?.toLowerCase(), body };
    }
  } catch (error) {
    if (controller.signal.aborted) throw new NewsbotError(`${quoteValue(first.href)} did not answer within ${formatSeconds(timeoutMs)}`);
    if (error instanceof NewsbotError) throw error;
    throw new NewsbotError(`could not fetch ${quoteValue(url.href)}: ${describeNetworkError(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** An http(s) address without credentials, or a `NewsbotError` quoting what was given. */
function parseUrl(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    throw new NewsbotError(`${quoteValue(input)} is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NewsbotError(`only http and https addresses can be fetched, not ${quoteValue(url.href)}`);
  }
  if (url.username || url.password) throw new NewsbotError(`addresses with a user name or password are refused: ${quoteValue(url.href.replace(/\/\/[^@/]*@/, '//…@'))}`);
  url.hash = '';
  return url;
}

/** Resolves the host and checks every address; returns the one to connect to. */
async function checkedAddress(url: URL, options: FetchOptions): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    const resolve = options.resolve ?? ((name: string) => dnsLookup(name, { all: true, verbatim: true }));
    try {
      addresses = await resolve(host);
    } catch {
      throw new NewsbotError(`could not find the server ${quoteValue(host)}`);
    }
    if (addresses.length === 0) throw new NewsbotError(`could not find the server ${quoteValue(host)}`);
  }
  const isBlocked = options.isBlocked ?? (options.allowPrivate ? () => false : isPrivateAddress);
  const blocked = addresses.find((a) => isBlocked(a.address));
  if (blocked) {
    const via = blocked.address === host ? '' : ` (${host} resolves to ${blocked.address})`;
    throw new NewsbotError(`${quoteValue(url.href)} points to a private, loopback or link-local address${via}; such addresses are refused unless ALLOW_PRIVATE_URLS=true`);
  }
  return addresses[0] as { address: string; family: number };
}

/** Non-public IPv4 and IPv6 ranges (RFC 6890 and friends): loopback, private, link-local, CGNAT, multicast, documentation, reserved. */
const PRIVATE_RANGES = (() => {
  const list = new BlockList();
  const v4: Array<[string, number]> = [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
    ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
    ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
  ];
  const v6: Array<[string, number]> = [
    ['::', 128], ['::1', 128], ['::', 96], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
  ];
  for (const [net, prefix] of v4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of v6) list.addSubnet(net, prefix, 'ipv6');
  return list;
})();

/**
 * Whether an address is outside the public internet. IPv4-mapped IPv6
 * (`::ffff:127.0.0.1`) is checked as the IPv4 address it maps, and so are the
 * IPv4 addresses inside NAT64 (`64:ff9b::/96`) and 6to4 (`2002::/16`) addresses.
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE_RANGES.check(address, 'ipv4');
  if (family !== 6) return true;
  if (PRIVATE_RANGES.check(address, 'ipv6')) return true;
  const embedded = embeddedIpv4(address);
  return embedded !== undefined && PRIVATE_RANGES.check(embedded, 'ipv4');
}

/** The IPv4 address inside a NAT64 or 6to4 IPv6 address. */
function embeddedIpv4(address: string): string | undefined {
  const groups = expandIpv6(address);
  if (!groups) return undefined;
  const quad = (hi: number, lo: number): string => [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return quad(groups[6] ?? 0, groups[7] ?? 0);
  if (groups[0] === 0x2002) return quad(groups[1] ?? 0, groups[2] ?? 0);
  return undefined;
}

function expandIpv6(address: string): number[] | undefined {
  let text = address.toLowerCase().split('%')[0] ?? '';
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = v4[1].split('.').map(Number);
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(Math.max(0, fill)).fill('0'), ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g)) ? groups : undefined;
}

/** One GET to the checked address; the host name still goes in `Host` and, for https, in SNI and the certificate check. */
function get(url: URL, address: { address: string; family: number }, signal: AbortSignal): Promise<IncomingMessage> {
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [address]);
    else callback(null, address.address, address.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: {
          'user-agent': USER_AGENT,
          accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1',
          'accept-encoding': 'gzip, deflate, br',
        },
        lookup: pinned,
        agent: false,
        signal,
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

/** Reads the (decompressed) body, aborting as soon as it passes `maxBytes`. */
async function readBody(response: IncomingMessage, maxBytes: number, href: string): Promise<Buffer> {
  const encoding = String(response.headers['content-encoding'] ?? '').trim().toLowerCase();
  let stream: Readable = response;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = response.pipe(createGunzip());
  else if (encoding === 'deflate') stream = response.pipe(createInflate());
  else if (encoding === 'br') stream = response.pipe(createBrotliDecompress());
  else if (encoding !== '' && encoding !== 'identity') {
    response.destroy();
    throw new NewsbotError(`${quoteValue(href)} is sent with an unknown encoding ${quoteValue(encoding)}`);
  }
  if (stream !== response) response.on('error', (error) => stream.destroy(error));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > maxBytes) throw new NewsbotError(`${quoteValue(href)} is larger than ${formatBytes(maxBytes)}`);
      chunks.push(buffer);
    }
  } finally {
    response.destroy();
    if (stream !== response) stream.destroy();
  }
  return Buffer.concat(chunks);
}

function describeNetworkError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}` : message.replace(/\s+/g, ' ').slice(0, 120);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 10 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
