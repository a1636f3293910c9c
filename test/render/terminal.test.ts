import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  renderAnswer,
  renderJson,
  renderPassage,
  renderQuestion,
  renderQuote,
  renderSources,
  sanitize,
} from '../../src/render/terminal.js';
import type { Answer, Quote } from '../../src/types.js';

const PARAGRAPH = 'Ottawa recently allowed Hytera to buy Canadian satellite firm Norsat International Inc.';
const TITLE = 'China, Canada vow not to conduct cyber attacks';

function quote(overrides: Partial<Quote> = {}): Quote {
  return {
    text: PARAGRAPH,
    documentId: 'cyber',
    title: TITLE,
    paragraph: 8,
    start: 0,
    end: PARAGRAPH.length,
    highlights: [
      [34, 37],
      [62, 68],
    ],
    ...overrides,
  };
}

const answered: Answer = { question: 'who bought Norsat?', answered: true, answer: 'Hytera', confidence: 0.87, quotes: [quote()] };
const declined: Answer = {
  question: 'what is the price?',
  answered: false,
  answer: '',
  confidence: 0,
  quotes: [quote({ highlights: [] })],
  reason: 'The article doesn’t mention “price”.',
};

const PLAIN = { color: false };
const COLOR = { color: true };
// Our own styling is SGR only (`ESC [ n m`); any other escape came from the input.
const SGR = /\x1b\[\d+m/g;
// Control characters a terminal acts on, other than the line feeds we emit.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('render/terminal', () => {
  it('puts the short answer first, then each quote with its ¶N citation and title', () => {
    const lines = renderAnswer(answered, PLAIN).split('\n');
    expect(lines[0]).toBe('Hytera  (confidence 87%)');
    expect(lines).toContain(`¶8 · ${TITLE}`);
    expect(lines).toContain(`  │ ${PARAGRAPH}`);
  });

  it('says to read the quote when an answer has no short span', () => {
    expect(renderAnswer({ ...answered, answer: '' }, PLAIN).split('\n')[0]).toMatch(/^See the quoted passage\./);
  });

  it('emits no escape sequence at all when colour is off', () => {
    expect(renderAnswer(answered, PLAIN)).not.toContain('\x1b');
  });

  it('highlights exactly the matched words when colour is on', () => {
    const shown = renderAnswer(answered, COLOR);
    expect(shown).toContain('\x1b[1m\x1b[33mbuy\x1b[39m\x1b[22m');
    expect(shown).toContain('\x1b[1m\x1b[33mNorsat\x1b[39m\x1b[22m');
    expect(shown.replace(SGR, '')).toBe(renderAnswer(answered, PLAIN));
  });

  it('maps highlights from paragraph offsets to quote offsets when the quote starts mid-paragraph', () => {
    const paragraph = `First sentence here. ${PARAGRAPH}`;
    const start = paragraph.indexOf('Ottawa');
    const at = paragraph.indexOf('Norsat');
    const shown = renderQuote(quote({ start, end: paragraph.length, highlights: [[at, at + 6]] }), COLOR);
    expect(shown).toContain('firm \x1b[1m\x1b[33mNorsat\x1b[39m\x1b[22m International');
  });

  it('clips and merges highlights that overlap or run past the quote', () => {
    const shown = renderQuote(quote({ highlights: [[-5, 3], [0, 6], [80, 500]] }), COLOR);
    expect(shown).toContain('\x1b[1m\x1b[33mOttawa\x1b[39m\x1b[22m recently');
    expect(shown.match(/\x1b\[33m/g)).toHaveLength(2); // "Ottawa" and the clipped tail
  });

  it('shows the reason and marks the closest passage as not an answer when declined', () => {
    const lines = renderAnswer(declined, PLAIN).split('\n');
    expect(lines[0]).toBe('No answer: The article doesn’t mention “price”.');
    expect(lines).toContain('Closest passage (not an answer):');
    expect(lines.indexOf('Closest passage (not an answer):')).toBeLessThan(lines.indexOf(`¶8 · ${TITLE}`));
  });

  it('uses the plural heading when a declined answer has several closest passages', () => {
    const shown = renderAnswer({ ...declined, quotes: [quote(), quote({ paragraph: 9 })] }, PLAIN);
    expect(shown).toContain('Closest passages (not an answer):');
  });

  it('shows only the reason when a declined answer has no passage', () => {
    expect(renderAnswer({ ...declined, quotes: [] }, PLAIN)).toBe('No answer: The article doesn’t mention “price”.');
  });

  it('neutralizes escape sequences and other control characters from a document or question', () => {
    const evil = 'Norsat\x1b[2J\x1b]0;pwned\x07 bought \x9b31m it\u202e\x00\r\nnext';
    const answer: Answer = {
      question: evil,
      answered: false,
      answer: '',
      confidence: 0,
      reason: `The article doesn't mention “${evil}”.`,
      quotes: [quote({ text: evil, title: evil, start: 0, end: evil.length, highlights: [[0, 6]] })],
    };
    for (const shown of [renderAnswer(answer, PLAIN), renderAnswer(answer, COLOR).replace(SGR, ''), renderQuestion(evil, PLAIN)]) {
      expect(shown).not.toMatch(RAW_CONTROL);
      expect(shown).toContain('Norsat␛[2J␛]0;pwned␇ bought');
    }
  });

  it('never lets a raw control character through, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (text, title) => {
        const q = quote({ text, title, start: 0, end: text.length, highlights: [[0, Math.floor(text.length / 2)]] });
        const shown = renderAnswer({ ...declined, reason: text, quotes: [q] }, COLOR).replace(SGR, '');
        expect(shown).not.toMatch(RAW_CONTROL);
      }),
    );
  });

  it('replaces each control character with a visible stand-in rather than dropping it', () => {
    expect(sanitize('a\x1bb\tc\x7fd\x85e')).toBe('a␛b c␡d\ufffde');
  });

  it('lists each document with its id, title and paragraph count for :sources', () => {
    const shown = renderSources([{ id: 'cyber', title: TITLE, paragraphs: 16, source: '/corpus/cyber.txt' }], PLAIN);
    expect(shown).toBe(`1 document:\n  cyber  ${TITLE}\n    16 paragraphs · /corpus/cyber.txt`);
  });

  it('renders a passage with its ¶N citation and full text for :passage', () => {
    const shown = renderPassage({ documentId: 'cyber', title: TITLE, number: 8, text: PARAGRAPH }, PLAIN);
    expect(shown).toBe(`¶8 · ${TITLE}\n  ${PARAGRAPH}`);
  });

  it('shortens a very long question when echoing it', () => {
    const shown = renderQuestion('why '.repeat(2500), PLAIN);
    expect(shown.length).toBeLessThan(210);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('renders JSON as one terminal-safe line that parses back to the same value', () => {
    const value = { ...answered, question: 'a\nb\x1b\x9b\u2028\u202e' };
    const line = renderJson(value);
    expect(line).not.toContain('\n');
    expect(line).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(line)).toEqual(value);
  });

  it('shows a table row under its table’s header row, in a quote and as a whole paragraph', () => {
    expect(renderQuote(quote({ text: 'Team | $30', start: 0, end: 10, highlights: [], header: 'Plan | Price\x1b[2J' }), PLAIN).split('\n').slice(1)).toEqual(['  │ Plan | Price␛[2J', '  │ Team | $30']);
    expect(renderPassage({ documentId: 'plans', title: TITLE, number: 2, header: 'Plan | Price', text: 'Team | $30' }, PLAIN)).toBe(`¶2 · ${TITLE}\n  Plan | Price\n  Team | $30`);
    expect(renderQuote(quote({ header: 'Plan | Price' }), { color: true }).split('\n')[1]).toBe('  │ \x1b[2mPlan | Price\x1b[22m');
  });

  it('names the section a quote or paragraph sits in, and cites a byline as the byline', () => {
    expect(renderQuote(quote({ section: 'Who paid' }), PLAIN).split('\n')[0]).toBe(`¶8 · Who paid · ${TITLE}`);
    expect(renderPassage({ documentId: 'cyber', title: TITLE, number: 2, section: 'Visiting\x1b[2J', text: 'Open.' }, PLAIN)).toBe(`¶2 · Visiting␛[2J · ${TITLE}\n  Open.`);
    const byline = quote({ text: 'By Maria Delgado', paragraph: 0, byline: true, highlights: [], end: 16, meta: { byline: 'By Maria Delgado' } });
    expect(renderQuote(byline, PLAIN)).toBe(`byline · ${TITLE}\n  │ By Maria Delgado`);
    expect(renderQuote({ ...byline, byline: undefined, paragraph: 3 }, PLAIN).split('\n')[0]).toBe(`¶3 · ${TITLE} · by Maria Delgado`);
  });
});
