import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { asksForAuthor } from '../../src/answer/byline.js';
import { loadFile } from '../../src/ingest/load.js';
import { Engine, type SourceDocument } from '../../src/index.js';

const PAGE = fileURLToPath(new URL('../ingest/fixtures/riverside-library.md', import.meta.url));

let page: SourceDocument;
let engine: Engine;
beforeAll(async () => {
  page = await loadFile(PAGE);
  engine = Engine.fromDocuments([page]);
});

describe('asksForAuthor', () => {
  it('recognizes questions about who wrote the document itself', () => {
    for (const question of ['Who wrote the piece?', 'who wrote it', 'Who’s the author?', 'Who is the author of this story?', 'Who was this piece written by?', 'By whom was the article written?', 'WHO WROTE THIS?']) {
      expect(asksForAuthor(question), question).toBe(true);
    }
  });

  it('leaves questions about who wrote something the text talks about', () => {
    for (const question of ['Who wrote the letter?', 'Who wrote the law on cyber security?', 'Who is the author of the plan?', 'Who reported the attack?', 'What did the author say?']) {
      expect(asksForAuthor(question), question).toBe(false);
    }
  });
});

describe('answering from the byline', () => {
  it('answers who wrote the article with the byline’s name, quoting the byline', () => {
    for (const question of ['Who wrote this story?', 'Who wrote it?']) {
      const answer = engine.ask(question);
      expect(answer.answered).toBe(true);
      expect(answer.answer).toBe('Maria Delgado');
      expect(answer.quotes[0]).toMatchObject({ text: 'By Maria Delgado, Staff Writer', byline: true, paragraph: 0, documentId: page.id });
      expect(answer.quotes[0]?.text).toContain(answer.answer);
    }
  });

  it('answers who wrote a wire story from its closing credits when it has no byline, quoting that paragraph', () => {
    const wire = Engine.fromDocuments([
      { id: 'wire', title: 'Port strike ends', paragraphs: ['Dock workers in Valparaiso ended their strike on Friday.', 'Reporting by Ana Ruiz in Santiago and Tom Hale in Lima; Editing by Jo Park'] },
    ]);
    const answer = wire.ask('Who is the author of this story?');
    expect(answer).toMatchObject({ answered: true, answer: 'Ana Ruiz', confidence: 1 });
    const quote = answer.quotes[0];
    expect(quote).toMatchObject({ paragraph: 2, documentId: 'wire', start: 0 });
    expect(quote?.byline).toBeUndefined();
    expect(quote?.text).toBe(wire.passage(2, 'wire').text);
    expect(quote?.highlights.map(([s, e]) => quote.text.slice(s, e))).toEqual(['Ana Ruiz']);
  });

  it('answers from the text as usual when no document in scope has a byline', () => {
    const plain = Engine.fromDocuments([{ id: 'plain', title: 'Harbour news', paragraphs: ['The harbour reopened on Monday.', 'Editing by Jo Park.'] }, page]);
    const answer = plain.ask('Who wrote this story?', { documentId: 'plain' });
    expect(answer.quotes.every((q) => q.byline === undefined && q.documentId === 'plain')).toBe(true);
    expect(plain.ask('Who is the author?').quotes[0]?.byline).toBe(true);
  });
});

describe('a Markdown page with headings, a byline, bold text, links, a list, a block quote and code', () => {
  it('quotes no markup, link target, heading or code, and each list item alone', () => {
    for (const paragraph of page.paragraphs) {
      expect(paragraph).not.toMatch(/\*|\]\(|https?:|^#|console\.log|^- |^> |layout:/);
      expect(page.sections?.map((s) => s.heading)).not.toContain(paragraph);
    }
    expect(page.paragraphs).toContain('Opening hours are 9 a.m. to 8 p.m. every day.');
    expect(page.paragraphs).toContain('Library cards are free for residents of the county.');
    expect(page.meta?.byline).toBe('By Maria Delgado, Staff Writer');
    expect(page.paragraphs[0]).toMatch(/^The Riverside Library reopened/);
  });

  it('cites the section a quote sits in, and :passage and /passage get it too', () => {
    const answer = engine.ask('Who paid for most of the work?', {});
    const quote = answer.quotes[0];
    expect(quote?.text).toBe('The city council paid for most of the work.');
    expect(quote?.section).toBe('Who paid for it');
    expect(engine.passage(quote?.paragraph ?? 0).section).toBe('Who paid for it');
    expect(engine.passage(1).section).toBeUndefined();
  });
});
