import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine.js';
import { quoteValue } from '../../src/errors.js';
import { snapshotFile } from '../../src/index/cache.js';
import { loadCorpus } from '../../src/ingest/load.js';
import { Libraries, type LibrariesOptions } from '../../src/library/library.js';
import type { SourceDocument } from '../../src/types.js';
import { ArticleServer } from '../ingest/article-server.js';
import { refusal } from '../refusal.js';
import { workers } from '../worker-count.js';

// Worker threads as they are, counted.
vi.mock('../../src/worker.js', async (original) => (await import('../worker-count.js')).countingWorkers(original));

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../ingest/fixtures/article.html');
const GUILD_A = '1300000000000000701';
const GUILD_B = '1300000000000000702';

let server: ArticleServer;
let html: string;
let defaults: SourceDocument[];
let defaultEngine: Engine;
let dataDir: string;

beforeAll(async () => {
  server = await ArticleServer.start();
  html = await readFile(FIXTURE, 'utf8');
  defaults = await loadCorpus();
  defaultEngine = Engine.fromDocuments(defaults);
});
afterAll(() => server.stop());
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'newsbot-library-'));
  workers.started = 0;
  server.routes.clear();
  server.page('/solar', { body: html });
  server.page('/ferry.txt', { body: 'Council keeps the night ferry\n\nThe council voted on Thursday to keep the night ferry running through the winter.', type: 'text/plain' });
  server.page('/budget.md', { body: '# Budget grows\n\nThe city budget grows by 4 percent next year.', type: 'text/markdown' });
});

function libraries(options: Partial<LibrariesOptions> = {}): Libraries {
  return new Libraries({ dataDir, defaultEngine, loadDefaults: async () => defaults, fetch: { allowPrivate: true }, ...options });
}


const ids = async (library: Libraries, guild: string): Promise<string[]> => (await library.list(guild)).documents.map((d) => d.id);

describe('Libraries', () => {
  it('starts every server, and DMs, on the shared engine over the bundled article, writing nothing', async () => {
    const library = libraries();
    expect(await library.engineFor(GUILD_A)).toBe(defaultEngine);
    expect(await library.engineFor(null)).toBe(defaultEngine);
    const summary = await library.list(GUILD_A);
    expect(summary.documents).toEqual([expect.objectContaining({ id: 'china-canada-cyber-agreement', bundled: true })]);
    expect(summary.bytes).toBeGreaterThan(3000);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('adds a web article to one server only, with its meta, and answers from it', async () => {
    const library = libraries({ now: () => new Date('2025-01-02T03:04:05Z') });
    const { added, library: after } = await library.add(GUILD_A, { url: server.url('/solar') });
    expect(added).toMatchObject({
      id: 'harbour-city-opens-floating-solar-farm',
      title: 'Harbour city opens floating solar farm',
      bundled: false,
      addedAt: '2025-01-02T03:04:05.000Z',
      meta: { siteName: 'The Coastal Ledger', byline: 'Maria Okafor' },
    });
    expect(after.documents.map((d) => d.id)).toEqual(['china-canada-cyber-agreement', 'harbour-city-opens-floating-solar-farm']);
    const answer = (await library.engineFor(GUILD_A)).ask('Who led the design?');
    expect(answer.answer).toBe('Lena Petrov');
    expect(answer.quotes[0]?.documentId).toBe('harbour-city-opens-floating-solar-farm');
    // The other server still has only the bundled article.
    expect(await library.engineFor(GUILD_B)).toBe(defaultEngine);
    expect((await library.engineFor(GUILD_B)).ask('Who led the design?').quotes.every((q) => q.documentId === 'china-canada-cyber-agreement')).toBe(true);
  });

  it('keeps libraries across restarts, and loads the index from its snapshot', async () => {
    const first = libraries();
    await first.add(GUILD_A, { url: server.url('/solar') });
    await first.add(GUILD_A, { url: server.url('/ferry.txt') });
    await first.remove(GUILD_A, 'china-canada-cyber-agreement');
    server.routes.clear(); // the restarted bot needs no network
    const second = libraries();
    expect(await ids(second, GUILD_A)).toEqual(['harbour-city-opens-floating-solar-farm', 'council-keeps-the-night-ferry']);
    const engine = await second.engineFor(GUILD_A);
    expect(engine.origin.source).toBe('snapshot');
    expect(engine.ask('Who led the design?').answer).toBe('Lena Petrov');
    expect(await ids(second, GUILD_B)).toEqual(['china-canada-cyber-agreement']);
    const stored = JSON.parse(await readFile(join(dataDir, 'guilds', GUILD_A, 'library.json'), 'utf8'));
    expect(stored).toMatchObject({ version: 1, removedDefaults: ['china-canada-cyber-agreement'] });
    expect(stored.documents).toHaveLength(2);
  });

  it('adds an attached file by its name: .txt, .md and .html, downloaded from the attachment address', async () => {
    const library = libraries();
    await library.add(GUILD_A, { file: { name: 'Night Ferry.txt', url: server.url('/ferry.txt'), size: 90 } });
    await library.add(GUILD_A, { file: { name: 'budget.md', url: server.url('/budget.md') } });
    const { added } = await library.add(GUILD_A, { file: { name: 'solar.html', url: server.url('/solar') } });
    expect(await ids(library, GUILD_A)).toEqual(['china-canada-cyber-agreement', 'night-ferry', 'budget', 'solar']);
    expect(added.source).toBe('solar.html');
    // An upload's download address expires: it is not kept as the article's link (the page's own absolute canonical link would be).
    expect(added.meta?.url).toBeUndefined();
  });

  it('refuses what it cannot add, saying why, and leaves the library as it was', async () => {
    const library = libraries({ fetch: { allowPrivate: false } });
    expect(await refusal(library.add(GUILD_A, { url: server.url('/solar') }))).toMatch(/points to a private, loopback or link-local address; such addresses are refused unless ALLOW_PRIVATE_URLS=true$/);
    const open = libraries();
    expect(await refusal(open.add(GUILD_A, { file: { name: 'report.pdf', url: server.url('/solar') } }))).toBe('newsbot: file "report.pdf" is not a .txt, .md or .html file');
    expect(await refusal(open.add(GUILD_A, { file: { name: 'huge.txt', url: server.url('/ferry.txt'), size: 6 * 1024 * 1024 } }))).toBe('newsbot: file "huge.txt" is larger than 5 MB (6 MB)');
    expect(await refusal(open.add(GUILD_A, { url: server.url('/missing') }))).toMatch(/\/missing" answered 404 Not Found$/);
    expect(await refusal(open.remove(GUILD_A, 'nope'))).toBe(`newsbot: there is no document "nope" in this server's library; /library list shows the ids`);
    expect(await refusal(open.remove(GUILD_A, 'china-canada-cyber-agreement'))).toBe(
      `newsbot: "China, Canada vow not to conduct cyber attacks on private sector" is the last document of this server's library; add another before removing it`,
    );
    expect(await open.engineFor(GUILD_A)).toBe(defaultEngine);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses a duplicate, a full library and one that would grow past its size, leaving the file untouched', async () => {
    const library = libraries({ limits: { maxDocuments: 2 } });
    await library.add(GUILD_A, { url: server.url('/solar') });
    const file = join(dataDir, 'guilds', GUILD_A, 'library.json');
    const before = await readFile(file, 'utf8');
    expect(await refusal(library.add(GUILD_A, { url: server.url('/solar') }))).toBe(
      `newsbot: "${server.url('/2024/03/18/floating-solar-farm')}" is already in this server's library, as "harbour-city-opens-floating-solar-farm"`,
    );
    expect(await refusal(library.add(GUILD_A, { url: server.url('/ferry.txt') }))).toBe(
      "newsbot: this server's library is full: it holds 2 documents, the most allowed (LIBRARY_MAX_DOCUMENTS); remove one first",
    );
    // The bundled article is 3,100 bytes of text and the web article 885.
    const small = libraries({ limits: { maxBytes: 3500 } });
    expect(await refusal(small.add(GUILD_B, { url: server.url('/solar') }))).toBe(
      `newsbot: "Harbour city opens floating solar farm" (885 bytes) does not fit: this server's library holds 3 KB of 3.4 KB (LIBRARY_MAX_MB); remove a document first`,
    );
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await ids(library, GUILD_A)).toEqual(['china-canada-cyber-agreement', 'harbour-city-opens-floating-solar-farm']);
  });

  it('gives a second document with the same id a numbered one', async () => {
    const library = libraries();
    server.page('/ferry-again.txt', { body: 'Council keeps the night ferry\n\nA different text under the same title.', type: 'text/plain' });
    await library.add(GUILD_A, { url: server.url('/ferry.txt') });
    await library.add(GUILD_A, { url: server.url('/ferry-again.txt') });
    expect(await ids(library, GUILD_A)).toEqual(['china-canada-cyber-agreement', 'council-keeps-the-night-ferry', 'council-keeps-the-night-ferry-2']);
  });

  it('lands two adds at once in the same server, and refuses one of two adds of the same article', async () => {
    const library = libraries();
    const [solar, ferry] = await Promise.all([library.add(GUILD_A, { url: server.url('/solar') }), library.add(GUILD_A, { url: server.url('/ferry.txt') })]);
    expect([solar.added.id, ferry.added.id]).toEqual(['harbour-city-opens-floating-solar-farm', 'council-keeps-the-night-ferry']);
    expect((await ids(library, GUILD_A)).sort()).toEqual(['china-canada-cyber-agreement', 'council-keeps-the-night-ferry', 'harbour-city-opens-floating-solar-farm']);
    expect(await ids(libraries(), GUILD_A)).toHaveLength(3);

    const results = await Promise.allSettled([library.add(GUILD_B, { url: server.url('/budget.md') }), library.add(GUILD_B, { url: server.url('/budget.md') })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await ids(library, GUILD_B)).toEqual(['china-canada-cyber-agreement', 'budget-grows']);
  });

  it('answers a question asked during an add from the library before it, then from the library after it', async () => {
    const library = libraries();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.route('/slow', (_request, response) => {
      void held.then(() => response.writeHead(200, { 'content-type': 'text/html' }).end(html));
    });
    const adding = library.add(GUILD_A, { url: server.url('/slow') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const during = (await library.engineFor(GUILD_A)).ask('Who led the design?');
    expect(during.quotes.every((q) => q.documentId === 'china-canada-cyber-agreement')).toBe(true);
    release();
    await adding;
    expect((await library.engineFor(GUILD_A)).ask('Who led the design?').answer).toBe('Lena Petrov');
  });

  it('names a damaged library file instead of answering from a guess, and refuses a server id that is not one', async () => {
    await mkdir(join(dataDir, 'guilds', GUILD_A), { recursive: true });
    await writeFile(join(dataDir, 'guilds', GUILD_A, 'library.json'), '{"version":1,"removedDefaults":[],"documents":[{}]}');
    expect(await refusal(libraries().engineFor(GUILD_A))).toMatch(/^newsbot: the library file ".*library\.json" is damaged: document 1 is malformed$/);
    // A table label that names no rows is as damaged as a missing title.
    const labelled = { id: 'd', title: 'T', paragraphs: ['Hall 120'], labels: [{ text: 'Room Seats', first: 1, last: 0 }] };
    await writeFile(join(dataDir, 'guilds', GUILD_A, 'library.json'), JSON.stringify({ version: 1, removedDefaults: [], documents: [{ addedAt: '2026-11-28T00:00:00Z', document: labelled }] }));
    expect(await refusal(libraries().engineFor(GUILD_A))).toMatch(/^newsbot: the library file ".*library\.json" is damaged: document 1 is malformed$/);
    expect(await refusal(libraries().add('../../etc', { url: server.url('/solar') }))).toBe('newsbot: "../../etc" is not a Discord server id');
  });
});

describe('Libraries: a large library is indexed in a worker thread', () => {
  const questions = ['Who led the design?', 'who bought Norsat?', 'How much does the city budget grow?', 'What did the council vote on?', 'What is the tallest mountain in Peru?'];
  const snapshotOf = (guildId: string): string => {
    const dir = join(dataDir, 'guilds', guildId);
    return snapshotFile(dir, join(dir, 'library'));
  };

  it('answers the same from a library indexed in a worker as from one indexed in this thread, loading the snapshot the worker wrote', async () => {
    const now = () => new Date('2025-01-02T03:04:05Z');
    const inWorker = libraries({ now, indexing: { workerMinBytes: 0 } });
    const here = libraries({ now, indexing: { workerMinBytes: Infinity }, dataDir: await mkdtemp(join(tmpdir(), 'newsbot-library-')) });
    for (const library of [inWorker, here]) {
      for (const path of ['/solar', '/ferry.txt', '/budget.md']) await library.add(GUILD_A, { url: server.url(path) });
    }
    const [fromWorker, fromHere] = await Promise.all([inWorker.engineFor(GUILD_A), here.engineFor(GUILD_A)]);
    expect(fromWorker.origin.source).toBe('snapshot');
    expect(fromHere.origin.source).toBe('built');
    for (const question of questions) expect(fromWorker.ask(question)).toEqual(fromHere.ask(question));
    expect(fromWorker.search('council budget panels', 5)).toEqual(fromHere.search('council budget panels', 5));
    expect(await inWorker.list(GUILD_A)).toEqual(await here.list(GUILD_A));
  });

  it('loads a fresh snapshot on a server’s first command after a restart without starting a worker', async () => {
    await libraries({ indexing: { workerMinBytes: 0 } }).add(GUILD_A, { url: server.url('/solar') });
    expect(workers.started).toBe(1);
    const engine = await libraries({ indexing: { workerMinBytes: 0 } }).engineFor(GUILD_A);
    expect(workers.started).toBe(1);
    expect(engine.origin).toEqual({ source: 'snapshot', file: snapshotOf(GUILD_A) });
    expect(engine.ask('Who led the design?').answer).toBe('Lena Petrov');
  });

  it('rebuilds a damaged snapshot in a worker on a server’s first command after a restart, warning once', async () => {
    await libraries({ indexing: { workerMinBytes: 0 } }).add(GUILD_A, { url: server.url('/solar') });
    await writeFile(snapshotOf(GUILD_A), 'damaged');
    const warnings: string[] = [];
    const restarted = libraries({ indexing: { workerMinBytes: 0 }, onWarning: (message) => warnings.push(message) });
    const engine = await restarted.engineFor(GUILD_A);
    expect(warnings).toEqual([`newsbot: snapshot ${quoteValue(snapshotOf(GUILD_A))} is damaged (not a newsbot snapshot); rebuilding it`]);
    expect(engine.origin.source).toBe('snapshot');
    expect(engine.ask('Who led the design?').answer).toBe('Lena Petrov');
    expect(workers.started).toBe(2);
  });

  it('refuses a document that cannot be indexed in time, saying so, and leaves the library as it was', async () => {
    const library = libraries({ indexing: { timeoutMs: 1000 } });
    await library.add(GUILD_A, { url: server.url('/ferry.txt') });
    const file = join(dataDir, 'guilds', GUILD_A, 'library.json');
    const before = await readFile(file, 'utf8');
    const engine = await library.engineFor(GUILD_A);
    // 200 KB (past the worker threshold) of one word: the stemmer's time grows with the square of a word's length, so this would take minutes.
    server.page('/word.txt', { body: `One long word\n\n${'a'.repeat(200_000)}`, type: 'text/plain' });
    expect(await refusal(library.add(GUILD_A, { url: server.url('/word.txt') }))).toBe("newsbot: cannot index this server's library: indexing took longer than 1 s");
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await library.engineFor(GUILD_A)).toBe(engine);
    await library.add(GUILD_A, { url: server.url('/budget.md') });
    expect(await ids(library, GUILD_A)).toEqual(['china-canada-cyber-agreement', 'council-keeps-the-night-ferry', 'budget-grows']);
  });
});
