import { describe, expect, it } from 'vitest';
import type { LibraryEntry, LibrarySummary } from '../../src/library/library.js';
import { citation, renderPassage, renderQuotes, renderSearch, renderSources } from '../../src/render/discord.js';
import { renderLibrary, renderRefusal } from '../../src/render/library.js';
import { formatPublished } from '../../src/render/source.js';
import { renderQuote, renderSources as terminalSources } from '../../src/render/terminal.js';
import type { DocumentMeta, Quote } from '../../src/types.js';

const meta: DocumentMeta = { byline: 'Maria Okafor', siteName: 'The Coastal Ledger', published: '2024-03-18T07:30:00Z', url: 'https://ledger.example/2024/03/18/solar' };
const quote: Quote = { text: 'The farm has 28,000 panels.', documentId: 'solar', title: 'Harbour city opens floating solar farm', paragraph: 2, start: 0, end: 27, highlights: [[13, 19]], meta };

describe('citations with a web article’s source', () => {
  it('Discord: title, author, site, date and the link in <> (no embed); plain text documents unchanged', () => {
    expect(citation(quote)).toBe('¶2 · *Harbour city opens floating solar farm* · by Maria Okafor · The Coastal Ledger · 2024-03-18 · <https://ledger.example/2024/03/18/solar>');
    expect(citation({ paragraph: 8, title: 'China, Canada vow' })).toBe('¶8 · *China, Canada vow*');
    expect(citation(quote, { link: false })).not.toContain('<https');
  });

  it('Discord: escapes the site, leaves out a link that is too long or not http(s), and encodes what could break out of <>', () => {
    expect(citation({ ...quote, meta: { siteName: '*Bold* [site](https://evil.example)' } })).not.toMatch(/(?<!\\)\*Bold/);
    expect(citation({ ...quote, meta: { byline: 'By @everyone *Bold*' } })).toBe('¶2 · *Harbour city opens floating solar farm* · by @everyone \\*Bold\\*');
    expect(citation({ ...quote, meta: { url: `https://ledger.example/${'a'.repeat(400)}` } })).toBe('¶2 · *Harbour city opens floating solar farm*');
    expect(citation({ ...quote, meta: { url: 'javascript:alert(1)' } })).toBe('¶2 · *Harbour city opens floating solar farm*');
    expect(citation({ ...quote, meta: { url: 'https://ledger.example/a b>c<d' } })).toContain('<https://ledger.example/a%20b%3Ec%3Cd>');
  });

  it('Discord: More passages links each document once; /search names documents when asked; /passage and /sources show the source', () => {
    const more = renderQuotes([quote, { ...quote, paragraph: 3 }], '**More passages:**').content;
    expect(more.match(/<https:/g)).toHaveLength(1);
    expect(renderSearch('panels', [quote], { showDocument: true }).content).toBe('**Passages for:** panels\n**¶2** *Harbour city opens floating solar farm* · The farm has 28,000 panels.');
    expect(renderSearch('panels', [quote]).content).toBe('**Passages for:** panels\n**¶2** The farm has 28,000 panels.');
    expect(renderPassage({ documentId: 'solar', title: quote.title, number: 2, text: quote.text, meta }).content).toMatch(/\n¶2 · \*Harbour city opens floating solar farm\* · by Maria Okafor · The Coastal Ledger · 2024-03-18 · <https:\/\/ledger\.example\/2024\/03\/18\/solar>$/);
    expect(renderSources([{ id: 'solar', title: quote.title, paragraphs: 9, meta }]).content).toContain('(`solar`) · by Maria Okafor · The Coastal Ledger · 2024-03-18');
  });

  it('terminal: the same parts, sanitized, and the author in :sources', () => {
    expect(renderQuote(quote, { color: false })).toBe('¶2 · Harbour city opens floating solar farm · by Maria Okafor · The Coastal Ledger · 2024-03-18 · https://ledger.example/2024/03/18/solar\n  │ The farm has 28,000 panels.');
    expect(renderQuote({ ...quote, meta: { siteName: 'Evil\x1b[2J Site' } }, { color: false })).toContain('Evil␛[2J Site');
    expect(terminalSources([{ id: 'solar', title: quote.title, paragraphs: 9, meta }], { color: false })).toContain('\n    by Maria Okafor · The Coastal Ledger · 2024-03-18 · https://ledger.example/2024/03/18/solar');
  });

  it('dates: ISO when readable, else the page’s words, short', () => {
    expect(formatPublished('2024-03-18T07:30:00Z')).toBe('2024-03-18');
    expect(formatPublished('Mon, 18 Mar 2024 07:30:00 GMT')).toBe('2024-03-18');
    expect(formatPublished('last spring')).toBe('last spring');
  });
});

describe('/library messages', () => {
  const entry = (i: number): LibraryEntry => ({
    id: `article-${i}-${'x'.repeat(40)}`,
    title: `A rather long headline about the harbour, number ${i} ${'y'.repeat(100)}`,
    paragraphs: 12,
    bundled: false,
    addedAt: '2025-01-01T00:00:00.000Z',
    meta: { ...meta, url: `https://ledger.example/${'z'.repeat(200)}/${i}` },
  });
  const library: LibrarySummary = { documents: Array.from({ length: 50 }, (_, i) => entry(i)), bytes: 19 * 1024 * 1024, limits: { maxDocuments: 50, maxBytes: 20 * 1024 * 1024 } };

  it('lists as many documents as fit in one message, and says how many more', () => {
    const { content } = renderLibrary(library);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).toMatch(/^\*\*This server's library:\*\* 50 of 50 documents, 19 MB of 20 MB\n/);
    expect(content).toMatch(/\n… and \d+ more\.$/);
  });

  it('shows a refusal as its newsbot: line, with addresses in <> so Discord shows no preview', () => {
    expect(renderRefusal('newsbot: "https://ledger.example/a" answered 404 Not Found').content).toBe('newsbot: "<https://ledger.example/a>" answered 404 Not Found');
    expect(renderRefusal(`newsbot: ${'x'.repeat(3000)}`).content.length).toBeLessThanOrEqual(2000);
  });
});
