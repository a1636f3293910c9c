/**
 * Fetching articles by address, against a web server on 127.0.0.1. The refusals
 * are checked before any connection: no test here sends a packet beyond loopback.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSources, loadUrl } from '../../src/ingest/source.js';
import { fetchPage, isPrivateAddress, type FetchOptions } from '../../src/ingest/url.js';
import { ArticleServer } from './article-server.js';
import { refusal } from '../refusal.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'article.html');
const OPEN: FetchOptions = { allowPrivate: true };

let server: ArticleServer;
let html: string;
beforeAll(async () => {
  html = await readFile(FIXTURE, 'utf8');
  server = await ArticleServer.start();
});
afterAll(() => server.stop());
beforeEach(() => {
  server.routes.clear();
  server.requests.length = 0;
});


describe('loadUrl', () => {
  it('fetches a web article: id from its title, the address as source, the canonical address in meta', async () => {
    server.page('/news/solar', { body: html });
    const document = await loadUrl(server.url('/news/solar'), OPEN);
    expect(document.id).toBe('harbour-city-opens-floating-solar-farm');
    expect(document.title).toBe('Harbour city opens floating solar farm');
    expect(document.source).toBe(server.url('/news/solar'));
    expect(document.paragraphs).toHaveLength(8);
    expect(document.meta).toEqual({
      byline: 'Maria Okafor',
      siteName: 'The Coastal Ledger',
      published: '2024-03-18T07:30:00Z',
      url: server.url('/2024/03/18/floating-solar-farm'),
    });
  });

  it('follows a redirect and reads the page where it lands', async () => {
    server.redirect('/short', '/news/solar', 301);
    server.page('/news/solar', { body: html });
    const document = await loadUrl(server.url('/short'), OPEN);
    expect(document.source).toBe(server.url('/news/solar'));
    expect(server.requests.map((r) => r.path)).toEqual(['/short', '/news/solar']);
  });

  it('reads plain text and Markdown pages', async () => {
    server.page('/notes.txt', { body: 'Ferry timetable changes\n\nThe night ferry leaves at 23:40 from March.', type: 'text/plain' });
    server.page('/notes', { body: '# Budget notes\n\nThe budget grows by 4 percent.', type: 'text/markdown; charset=utf-8' });
    const [text, markdown] = await loadSources([server.url('/notes.txt'), server.url('/notes')], OPEN);
    expect(text).toMatchObject({ id: 'ferry-timetable-changes', title: 'Ferry timetable changes', paragraphs: ['The night ferry leaves at 23:40 from March.'] });
    expect(markdown).toMatchObject({ id: 'budget-notes', title: 'Budget notes', paragraphs: ['The budget grows by 4 percent.'] });
  });

  it('titles a text page without a headline by the name of its file (its host without one), and keeps its lead as a paragraph', async () => {
    server.page('/ferry%20notes.txt', { body: 'The night ferry leaves at 23:40 from March.\n\nTickets cost 12 euros.', type: 'text/plain' });
    server.page('/', { body: 'The budget grows by 4 percent.', type: 'text/plain' });
    const [named, bare] = await loadSources([server.url('/ferry%20notes.txt'), server.url('/')], OPEN);
    expect(named).toMatchObject({ id: 'ferry-notes', title: 'ferry notes', paragraphs: ['The night ferry leaves at 23:40 from March.', 'Tickets cost 12 euros.'] });
    expect(bare).toMatchObject({ title: '127.0.0.1', paragraphs: ['The budget grows by 4 percent.'] });
  });

  it('decodes the declared charset, from the header or from <meta charset>', async () => {
    const page = (charsetMeta: string) =>
      Buffer.from(`<html><head>${charsetMeta}<title>Caf\xe9 prices</title></head><body><article><p>A caf\xe9 cr\xe8me costs more in Montr\xe9al this winter than it did in the summer of last year.</p><p>Owners blame the price of milk and of rent, which rose by a tenth.</p></article></body></html>`, 'latin1');
    server.page('/header', { body: page(''), type: 'text/html; charset=ISO-8859-1' });
    server.page('/meta', { body: page('<meta charset="windows-1252">'), type: 'text/html' });
    for (const path of ['/header', '/meta']) {
      const document = await loadUrl(server.url(path), OPEN);
      expect(document.title).toBe('Café prices');
      expect(document.paragraphs[0]).toContain('café crème costs more in Montréal');
    }
  });

  it('decompresses a gzip-encoded page', async () => {
    server.page('/gz', { body: gzipSync(html), headers: { 'content-encoding': 'gzip' } });
    expect((await loadUrl(server.url('/gz'), OPEN)).title).toBe('Harbour city opens floating solar farm');
  });

  it('connects to the address it checked, never resolving the name again (no DNS rebinding)', async () => {
    server.page('/pinned', { body: html });
    let lookups = 0;
    const resolve = async () => {
      lookups++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    // `news.invalid` does not resolve anywhere: the fetch works only because the socket uses the checked address.
    const document = await loadUrl(`http://news.invalid:${server.port}/pinned`, { ...OPEN, resolve });
    expect(document.title).toBe('Harbour city opens floating solar farm');
    expect(lookups).toBe(1);
    expect(server.requests[0]?.host).toBe(`news.invalid:${server.port}`);
  });
});

describe('fetchPage refuses, saying why and quoting the address', () => {
  it('loopback and private addresses without ALLOW_PRIVATE_URLS, before connecting', async () => {
    server.page('/solar', { body: html });
    expect(await refusal(fetchPage(server.url('/solar')))).toBe(
      `newsbot: "${server.url('/solar')}" points to a private, loopback or link-local address; such addresses are refused unless ALLOW_PRIVATE_URLS=true`,
    );
    expect(await refusal(fetchPage(`http://localhost:${server.port}/solar`))).toMatch(/^newsbot: "http:\/\/localhost:\d+\/solar" points to a private, loopback or link-local address \(localhost resolves to (127\.0\.0\.1|::1)\)/);
    expect(await refusal(fetchPage(`http://[::1]:${server.port}/solar`))).toMatch(/^newsbot: "http:\/\/\[::1\]:\d+\/solar" points to a private/);
    expect(await refusal(fetchPage(`http://[::ffff:127.0.0.1]:${server.port}/solar`))).toMatch(/points to a private/);
    expect(server.requests).toEqual([]);
  });

  it('a name that resolves to a private address, even when another of its addresses is public', async () => {
    const resolve = async () => [{ address: '93.184.215.14', family: 4 }, { address: '127.0.0.1', family: 4 }];
    expect(await refusal(fetchPage('http://news.invalid/a', { resolve }))).toBe(
      'newsbot: "http://news.invalid/a" points to a private, loopback or link-local address (news.invalid resolves to 127.0.0.1); such addresses are refused unless ALLOW_PRIVATE_URLS=true',
    );
  });

  it('a redirect to a refused address: every hop is checked again', async () => {
    server.redirect('/hop', `http://127.0.0.2:${server.port}/inside`);
    const isBlocked = (address: string) => address === '127.0.0.2';
    expect(await refusal(fetchPage(server.url('/hop'), { isBlocked }))).toMatch(/^newsbot: "http:\/\/127\.0\.0\.2:\d+\/inside" points to a private/);
    expect(server.requests.map((r) => r.path)).toEqual(['/hop']);
  });

  it('schemes other than http and https, addresses with credentials, and non-addresses', async () => {
    expect(await refusal(fetchPage('ftp://example.com/article.txt'))).toBe('newsbot: only http and https addresses can be fetched, not "ftp://example.com/article.txt"');
    expect(await refusal(fetchPage('file:///etc/passwd'))).toBe('newsbot: only http and https addresses can be fetched, not "file:///etc/passwd"');
    expect(await refusal(fetchPage('javascript:alert(1)'))).toBe('newsbot: only http and https addresses can be fetched, not "javascript:alert(1)"');
    expect(await refusal(fetchPage('not an address'))).toBe('newsbot: "not an address" is not a web address');
    expect(await refusal(fetchPage(`http://me:secret@127.0.0.1:${server.port}/`, OPEN))).toMatch(/^newsbot: addresses with a user name or password are refused: "http:\/\/…@127\.0\.0\.1/);
    server.redirect('/to-ftp', 'ftp://example.com/x');
    expect(await refusal(fetchPage(server.url('/to-ftp'), OPEN))).toBe('newsbot: only http and https addresses can be fetched, not "ftp://example.com/x"');
  });

  it('a body larger than the cap: declared, streamed, or compressed', async () => {
    const big = `<html><body>${'<p>Lorem ipsum dolor sit amet.</p>'.repeat(2000)}</body></html>`;
    server.page('/declared', { body: big, headers: { 'content-length': String(Buffer.byteLength(big)) } });
    server.route('/streamed', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      const write = (left: number): void => {
        if (left === 0 || response.destroyed) return void response.end();
        response.write('<p>Lorem ipsum dolor sit amet.</p>'.repeat(100), () => write(left - 1));
      };
      write(50);
    });
    server.page('/bomb', { body: gzipSync('a'.repeat(5_000_000)), type: 'text/plain', headers: { 'content-encoding': 'gzip' } });
    const limits = { ...OPEN, maxBytes: 20_000 };
    expect(await refusal(fetchPage(server.url('/declared'), limits))).toMatch(/^newsbot: "http:\/\/127\.0\.0\.1:\d+\/declared" is larger than 20 KB \(66 KB\)$/);
    expect(await refusal(fetchPage(server.url('/streamed'), limits))).toMatch(/^newsbot: "http:\/\/127\.0\.0\.1:\d+\/streamed" is larger than 20 KB$/);
    expect(await refusal(fetchPage(server.url('/bomb'), limits))).toMatch(/\/bomb" is larger than 20 KB$/);
  });

  it('a type that is not a web page or text', async () => {
    server.page('/report.pdf', { body: '%PDF-1.7', type: 'application/pdf' });
    server.page('/photo', { body: Buffer.from([0x89, 0x50]), type: 'image/png' });
    server.route('/untyped', (_request, response) => response.writeHead(200).end('<p>hi</p>'));
    expect(await refusal(fetchPage(server.url('/report.pdf'), OPEN))).toMatch(/^newsbot: ".*\/report\.pdf" is application\/pdf, not a web page or text \(text\/html, text\/plain or text\/markdown\)$/);
    expect(await refusal(fetchPage(server.url('/photo'), OPEN))).toMatch(/\/photo" is image\/png, not a web page or text/);
    expect(await refusal(fetchPage(server.url('/untyped'), OPEN))).toMatch(/\/untyped" has no content type, not a web page or text/);
  });

  it('a server that does not answer, or stops half-way, within the time limit', async () => {
    server.route('/silent', () => undefined);
    server.route('/stalls', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<html><body><p>The first paragraph arrives');
    });
    const quick = { ...OPEN, timeoutMs: 300 };
    const started = Date.now();
    expect(await refusal(fetchPage(server.url('/silent'), quick))).toMatch(/^newsbot: "http:\/\/127\.0\.0\.1:\d+\/silent" did not answer within 300 ms$/);
    expect(await refusal(fetchPage(server.url('/stalls'), quick))).toMatch(/\/stalls" did not answer within 300 ms$/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a redirect loop, and too many redirects', async () => {
    server.redirect('/a', '/b');
    server.redirect('/b', '/a');
    for (let i = 0; i < 10; i++) server.redirect(`/chain/${i}`, `/chain/${i + 1}`);
    expect(await refusal(fetchPage(server.url('/a'), OPEN))).toMatch(/^newsbot: "http:\/\/127\.0\.0\.1:\d+\/a" redirects in a loop \(back to "http:\/\/127\.0\.0\.1:\d+\/a"\)$/);
    expect(await refusal(fetchPage(server.url('/chain/0'), { ...OPEN, maxRedirects: 3 }))).toMatch(/\/chain\/0" redirects more than 3 times$/);
    expect(server.requests.filter((r) => r.path.startsWith('/chain/'))).toHaveLength(4);
  });

  it('an error status', async () => {
    expect(await refusal(fetchPage(server.url('/missing'), OPEN))).toMatch(/^newsbot: "http:\/\/127\.0\.0\.1:\d+\/missing" answered 404 Not Found$/);
  });

  it('a page with no article in it', async () => {
    server.page('/menu', { body: '<html><body><nav><a href="/">Home</a></nav></body></html>' });
    expect(await refusal(loadUrl(server.url('/menu'), OPEN))).toMatch(/^newsbot: "http:\/\/127\.0\.0\.1:\d+\/menu" holds no article text$/);
  });
});

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1',
    '64:ff9b::7f00:1', '2002:c0a8:101::1', 'not-an-ip',
  ])('%s is not public', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.215.14', '172.32.0.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '64:ff9b::808:808'])(
    '%s is public',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});
