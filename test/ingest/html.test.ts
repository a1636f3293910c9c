import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HTML_WORKER_MIN_CHARS, parseHtml } from '../../src/ingest/html.js';
import { Engine, loadCorpus, loadSources, NewsbotError } from '../../src/index.js';
import { refusal } from '../refusal.js';
import { workers } from '../worker-count.js';

vi.mock('../../src/worker.js', async (original) => (await import('../worker-count.js')).countingWorkers(original));

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'article.html');

let html: string;
let dir: string;
beforeAll(async () => {
  html = await readFile(FIXTURE, 'utf8');
  dir = await mkdtemp(join(tmpdir(), 'newsbot-html-'));
});

describe('parseHtml on a realistic news page', () => {
  it('keeps the article paragraphs in reading order (paragraphs, list items, block quotes) and a sub-heading as the section it opens', async () => {
    const document = await parseHtml('solar', html, { url: 'https://ledger.example/news?id=7' });
    expect(document?.title).toBe('Harbour city opens floating solar farm');
    expect(document?.paragraphs).toEqual([
      'The harbour city of Port Elin switched on a floating solar farm on Monday, the largest of its kind in the region, covering twelve hectares of a disused reservoir.',
      "The farm has 28,000 panels and will supply about 9,000 homes, according to the city's energy department, which spent €31 million on the project.",
      '“Water keeps the panels cool, so they produce more on hot days,” said Lena Petrov, the engineer who led the design.',
      "Environmental groups asked the city to leave a channel free for rowing boats and to monitor nesting birds on the reservoir's north shore.",
      'A second phase would add eight hectares by 2026.',
      'The panels are anchored to the reservoir floor with 400 concrete blocks.',
      'We expect the farm to pay for itself within eleven years.',
      "Port Elin's mayor, Idris Haddad, said the city would publish the farm's output every month.",
    ]);
    expect(document?.sections).toEqual([{ heading: 'Birds and boats', paragraph: 4 }]);
  });

  it('drops navigation, ads, scripts, share buttons, related links, the footer and figure captions', async () => {
    const document = await parseHtml('solar', html);
    const text = document?.paragraphs.join('\n') ?? '';
    for (const furniture of ['Subscribe', 'ADVERTISEMENT', 'Turbo Blender', 'TRACKING-SCRIPT-TEXT', 'dataLayer', 'Share on', 'Related stories', 'Ferry fares', 'newsletter', 'All rights reserved', 'font-family']) {
      expect(text).not.toContain(furniture);
    }
    // The caption (with its photo credit) is not the article's prose: dropped, by design.
    expect(text).not.toContain('Photo: Jonas Berg');
    expect(text).not.toContain('Solar panels float');
  });

  it('reads the byline, site name, published date and canonical address (resolved against the page address)', async () => {
    const document = await parseHtml('solar', html, { url: 'https://ledger.example/news?id=7', source: 'https://ledger.example/news?id=7' });
    expect(document?.meta).toEqual({
      byline: 'Maria Okafor',
      siteName: 'The Coastal Ledger',
      published: '2024-03-18T07:30:00Z',
      url: 'https://ledger.example/2024/03/18/floating-solar-farm',
    });
    expect(document?.source).toBe('https://ledger.example/news?id=7');
  });

  it('falls back to og:url and <time datetime>, and leaves out what the page does not say', async () => {
    const page = `<html><head><title>Council votes to keep the ferry</title><meta property="og:url" content="https://news.example/ferry"></head>
      <body><article><h1>Council votes to keep the ferry</h1><time datetime="2023-11-02">2 November</time>
      <p>The council voted nine to two on Thursday to keep the night ferry running through the winter months.</p>
      <p>The ferry carries about 300 passengers a night, most of them hospital and port workers on late shifts.</p></article></body></html>`;
    const document = await parseHtml('ferry', page);
    expect(document?.title).toBe('Council votes to keep the ferry');
    expect(document?.meta).toEqual({ published: '2023-11-02', url: 'https://news.example/ferry' });
    expect(document?.paragraphs[0]).toMatch(/^The council voted nine to two/);
  });

  it('reads a table row by row, its header row (th cells) the label of the rows under it, not a paragraph', async () => {
    const page = [
      '<html><head><title>Harbour Museum prices</title></head><body><article><h1>Harbour Museum prices</h1>',
      '<p>The Harbour Museum tells the story of the old docks, from the first warehouses to the container port, and opens every day but Monday.</p>',
      '<table><thead><tr><th>Ticket</th><th>Price</th></tr></thead><tbody><tr><td>Adult</td><td>£8</td></tr><tr><td>Student</td><td>£5</td></tr></tbody></table>',
      '<p>Tickets are valid for the whole day and can be bought at the door.</p></article></body></html>',
    ].join('');
    const document = await parseHtml('prices', page);
    expect(document?.paragraphs.slice(1, 3)).toEqual(['Adult | £8', 'Student | £5']);
    expect(document?.labels).toEqual([{ text: 'Ticket | Price', first: 2, last: 3 }]);
    // A second header row inside the table starts a label of its own.
    const twice = await parseHtml('prices', page.replace('<tr><td>Student</td>', '<tr><th>Group</th><th>Price each</th></tr><tr><td>Student</td>'));
    expect(twice?.labels).toEqual([
      { text: 'Ticket | Price', first: 2, last: 2 },
      { text: 'Group | Price each', first: 3, last: 3 },
    ]);
    // An empty cell keeps its place; a cell whose paragraphs end the passage starts the next one without a bar.
    const gaps = await parseHtml('prices', page.replace('<td>£5</td>', '<td></td>').replace('<td>Adult</td>', '<td><p>Adult</p></td>'));
    expect(gaps?.paragraphs.slice(1, 4)).toEqual(['Adult', '£8', 'Student |']);
  });

  it('reads a cell over several columns as that cell and empty ones, so rows line up with their header', async () => {
    const page = [
      '<html><head><title>Cloudbox plans</title></head><body><article><h1>Cloudbox plans</h1>',
      '<p>Cloudbox sells online storage to small offices and schools, billed by the month or by the year, with a discount for schools.</p>',
      '<table><tr><th>Plan</th><th colspan="2">Price</th></tr><tr><td>Basic</td><td>$5</td><td>$50</td></tr><tr><td>Team</td><td colspan="2">on request</td></tr>',
      '<tr><td>Huge</td><td colspan="100000">x</td></tr></table></article></body></html>',
    ].join('');
    const document = await parseHtml('plans', page);
    expect(document?.labels?.[0]?.text).toBe('Plan | Price |');
    expect(document?.paragraphs.slice(1, 3)).toEqual(['Basic | $5 | $50', 'Team | on request |']);
    // A page's absurd colspan is capped.
    expect(document?.paragraphs[3]?.split('|').length).toBeLessThanOrEqual(22);
  });

  it('returns undefined for a page without article text', async () => {
    expect(await parseHtml('empty', '<html><head><title>Nothing</title></head><body><nav><a href="/">Home</a></nav></body></html>')).toBeUndefined();
  });

  it('is offered no network: a relative canonical link without a page address is simply absent', async () => {
    const document = await parseHtml('solar', html);
    expect(document?.meta?.url).toBeUndefined();
  });
});

describe('.html files in a corpus', () => {
  it('loads a .html file like a .txt one: id from the file name, source the path, meta from the page', async () => {
    const path = join(dir, 'floating-solar.html');
    await copyFile(FIXTURE, path);
    const [document] = await loadCorpus(path);
    expect(document?.id).toBe('floating-solar');
    expect(document?.source).toBe(path);
    expect(document?.meta?.siteName).toBe('The Coastal Ledger');
  });

  it('refuses a .html file with no article in it, naming the file', async () => {
    const path = join(dir, 'menu.html');
    await writeFile(path, '<html><body><nav>Home | World</nav></body></html>');
    const error = await loadCorpus(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsbotError);
    expect((error as Error).message).toBe('newsbot: file "menu.html" holds no article text');
  });

  it('answers from the page next to the bundled article, every quote naming its document and carrying its meta', async () => {
    const path = join(dir, 'port-elin.html');
    await copyFile(FIXTURE, path);
    const engine = Engine.fromDocuments(await loadSources([path, join(dirname(FIXTURE), '../../../corpus')]));
    expect(engine.documents().map((d) => d.id)).toEqual(['port-elin', 'china-canada-cyber-agreement']);
    const answer = engine.ask('How many panels does the farm have?');
    expect(answer.answered).toBe(true);
    expect(answer.quotes[0]?.documentId).toBe('port-elin');
    expect(answer.quotes[0]?.text).toContain('28,000 panels');
    expect(answer.quotes[0]?.meta?.siteName).toBe('The Coastal Ledger');
    expect(engine.passage(answer.quotes[0]?.paragraph ?? 0, 'port-elin').meta?.byline).toBe('Maria Okafor');
    expect(engine.ask('who bought Norsat?').quotes[0]?.documentId).toBe('china-canada-cyber-agreement');
  });
});

describe('loadSources', () => {
  it('keeps ids unique when two folders hold a file of the same name, and refuses one file given twice', async () => {
    const root = await mkdtemp(join(tmpdir(), 'newsbot-same-name-'));
    await mkdir(join(root, 'a'));
    await mkdir(join(root, 'b'));
    await writeFile(join(root, 'a', 'page.md'), '# Ferry news\n\nThe ferry runs all winter.\n');
    await writeFile(join(root, 'b', 'page.txt'), 'Library news\n\nThe library opens on Sundays.\n');
    const documents = await loadSources([join(root, 'a', 'page.md'), join(root, 'b', 'page.txt')]);
    expect(documents.map((d) => [d.id, d.title])).toEqual([['page', 'Ferry news'], ['page-2', 'Library news']]);
    const engine = Engine.fromDocuments(documents);
    expect(engine.search('library Sundays', 1, { documentId: 'page-2' })[0]?.text).toBe('The library opens on Sundays.');
    await expect(loadSources([join(root, 'a', 'page.md'), join(root, 'a', 'page.md')])).rejects.toThrow(/^newsbot: ".*page\.md" is given twice$/);
    await rm(root, { recursive: true });
  });
});

describe('parseHtml of a large page', () => {
  beforeEach(() => {
    workers.started = 0;
  });

  it('parses a page in a worker thread into the document this thread makes of it', async () => {
    const from = { url: 'https://ledger.example/news?id=7', source: 'https://ledger.example/news?id=7' };
    const inWorker = await parseHtml('solar', html, from, { workerMinChars: 0 });
    expect(workers.started).toBe(1);
    expect(inWorker).toEqual(await parseHtml('solar', html, from, { workerMinChars: Infinity }));
    expect(inWorker?.paragraphs.length).toBeGreaterThan(5);
    expect(await parseHtml('empty', '<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>', {}, { workerMinChars: 0 })).toBeUndefined();
  });

  it('parses pages from HTML_WORKER_MIN_CHARS characters on in a worker, smaller ones in this thread', async () => {
    await parseHtml('solar', html);
    expect(workers.started).toBe(0);
    const padding = `<!-- ${'x'.repeat(HTML_WORKER_MIN_CHARS)} -->`;
    expect((await parseHtml('solar', html.replace('</body>', `${padding}</body>`)))?.title).toBe('Harbour city opens floating solar farm');
    expect(workers.started).toBe(1);
  });

  it('refuses a page whose worker runs out of time, naming the page', async () => {
    expect(await refusal(parseHtml('solar', html, { source: 'https://ledger.example/slow' }, { workerMinChars: 0, timeoutMs: 1 }))).toBe(
      'newsbot: cannot read "https://ledger.example/slow" as a web page: it took longer than 0.001 s',
    );
  });
});
