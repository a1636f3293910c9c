import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockQuote, escapeLine, renderAnswer, renderHelp, renderPassage, renderQuotes, renderSearch, renderSources, renderThreadIntro, threadName } from '../../src/render/discord.js';
import { DISCORD_LIMITS, fitText } from '../../src/render/fit.js';
import type { Answer, Quote } from '../../src/types.js';
import { Engine } from '../../src/index.js';
import { parseText } from '../../src/ingest/text.js';
import { moreId, paragraphId } from '../../src/discord/refs.js';

const longSentence = `${'The agreement covers economic cyber espionage and many other things. '.repeat(80)}End.`;

function quote(text: string, extra: Partial<Quote> = {}): Quote {
  return { text, documentId: 'doc', title: 'A title', paragraph: 8, start: 0, end: text.length, highlights: [], ...extra };
}

function answer(extra: Partial<Answer>): Answer {
  return { question: 'who bought Norsat?', answered: true, answer: 'Hytera', confidence: 1, quotes: [], ...extra };
}

const refs = { more: 'ask:more:x.1.0.5', paragraph: 'ask:para:x.8' };

describe('fitText', () => {
  it('leaves short text alone', () => {
    expect(fitText('Short.', 10)).toBe('Short.');
  });

  it('cuts at the last sentence end that fits and marks the cut', () => {
    expect(fitText('One sentence here. Two sentences here. Three.', 30)).toBe('One sentence here. …');
  });

  it('cuts at a word boundary when no sentence end fits', () => {
    expect(fitText('abcdefghij klmnopqrst uvwxyz', 15)).toBe('abcdefghij…');
  });

  it('never exceeds the limit nor splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (text, max) => {
        const out = fitText(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      }),
    );
  });
});

describe('renderAnswer', () => {
  it('puts the short answer in bold, the quote as a block quote with matched words in bold, and the ¶N citation', () => {
    const text = 'Ottawa allowed Hytera to buy Norsat.';
    const message = renderAnswer(answer({ quotes: [quote(text, { highlights: [[25, 28], [29, 35]] })] }), refs);
    expect(message.content).toBe(['**Q:** who bought Norsat?', '**Hytera**', '> Ottawa allowed Hytera to **buy** **Norsat**.', '¶8 · *A title*'].join('\n'));
    expect(message.buttons.map((b) => b.label)).toEqual(['More passages', 'Show paragraph']);
  });

  it('says what the article lacks on a decline and marks the closest passage as not an answer', () => {
    const message = renderAnswer(answer({ answered: false, answer: '', reason: "The article doesn't mention “Germany”.", quotes: [quote('Close.')] }), refs);
    expect(message.content).toContain("The article doesn't mention “Germany”.");
    expect(message.content).toContain('Closest passage (not an answer):\n> Close.');
  });

  it('escapes markdown in the question, the answer and the quote', () => {
    const message = renderAnswer(answer({ question: '**bold** _it_ `code`\n> quote [x](http://a)', answer: '*x*', quotes: [quote('a_b *c* ~~d~~ ||e||')] }), refs);
    expect(message.content).toContain('**Q:** \\*\\*bold\\*\\* \\_it\\_ \\`code\\` > quote \\[x](http://a)');
    expect(message.content).toContain('**\\*x\\***');
    expect(message.content).toContain('> a\\_b \\*c\\* \\~\\~d\\~\\~ \\|\\|e\\|\\|');
  });

  it('escapes what escapeMarkdown leaves bare: a second masked link, the fourth of four markers; not URLs or emoji', () => {
    expect(escapeLine('[a](https://x.example) and [free nitro](https://evil.example)')).toBe('\\[a](https://x.example) and \\[free nitro](https://evil.example)');
    expect(escapeLine('____ ```` ****')).toBe('\\_\\_\\_\\_ \\`\\`\\`\\` \\*\\*\\*\\*');
    expect(escapeLine('see https://x.example/a_b*c or <:my_emoji:123>')).toBe('see https://x.example/a_b*c or <:my_emoji:123>');
  });

  it('stays within 2,000 characters with a huge question, answer and quote', () => {
    const message = renderAnswer(answer({ question: 'q'.repeat(5000), answer: 'a '.repeat(3000), quotes: [quote(longSentence, { highlights: [[4, 13], [1000, 1010]] })] }), refs);
    expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(message.content).toContain('…');
    expect(message.content).toMatch(/¶8 · \*A title\*$/);
  });

  it('keeps every message within the limit for any text, markdown and mentions included', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 3000 });
    fc.assert(
      fc.property(text, text, text, fc.boolean(), fc.option(text, { nil: undefined }), (question, short, sentence, answered, understood) => {
        const read = understood === undefined ? {} : { understood };
        const message = renderAnswer(answer({ question, ...read, answer: short, answered, reason: short, quotes: [quote(`@everyone ${sentence}`, { highlights: [[0, 9]] })] }), { ...refs, thread: 'ask:thread' });
        expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
        for (const b of message.buttons) expect(b.customId.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
      }),
      { numRuns: 300 },
    );
  });
});

describe('renderAnswer of a follow-up', () => {
  it('shows the question as understood under the question, escaped and on one line', () => {
    const message = renderAnswer(answer({ question: 'who allowed it?', understood: 'who allowed *Norsat*\n# now?', quotes: [quote('Ottawa allowed it.')] }), refs);
    expect(message.content.split('\n').slice(0, 3)).toEqual(['**Q:** who allowed it?', '*Understood as:* who allowed \\*Norsat\\* # now?', '**Hytera**']);
    expect(renderAnswer(answer({ quotes: [quote('x')] }), refs).content).not.toContain('Understood as');
  });

  it('offers Follow up in a thread only when given its id', () => {
    expect(renderAnswer(answer({}), { ...refs, thread: 'ask:thread' }).buttons.map((b) => b.label)).toEqual(['More passages', 'Show paragraph', 'Follow up in a thread']);
    expect(renderAnswer(answer({}), refs).buttons.map((b) => b.label)).not.toContain('Follow up in a thread');
  });
});

describe('threadName and renderThreadIntro', () => {
  it('name a thread in 1 to 100 characters on one line, whatever the question', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'grapheme', maxLength: 400 }), { nil: undefined }), (question) => {
        const name = threadName(question);
        expect(name.length).toBeGreaterThanOrEqual(1);
        expect(name.length).toBeLessThanOrEqual(100);
        expect(name).not.toMatch(/[\r\n]/);
        expect(renderThreadIntro(question).content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
      }),
      { numRuns: 200 },
    );
    expect(threadName('  \n ')).toBe('Follow-up questions');
    expect(renderThreadIntro('**who** bought it?').content).toContain('follow on from **\\*\\*who\\*\\* bought it?**');
  });
});

describe('escapeLine', () => {
  it('drops control characters and bidi overrides that could disguise an echoed question', () => {
    expect(escapeLine('who\u0000 bought\u001b[31m \u202eNorsat\u202c\u2066?\u2069')).toBe('who bought\\[31m Norsat?');
  });

  it('keeps right-to-left text itself', () => {
    expect(escapeLine('من اشترى Norsat؟')).toBe('من اشترى Norsat؟');
  });
});

describe('blockQuote', () => {
  it('puts line breaks of the source on one quoted line', () => {
    expect(blockQuote(quote('one\ntwo'), 100)).toBe('> one two');
  });
});

describe('renderQuotes, renderSearch, renderPassage, renderSources, renderHelp', () => {
  it('fit within 2,000 characters whatever they are given', () => {
    const many = Array.from({ length: 5 }, (_, i) => quote(longSentence, { paragraph: i + 1 }));
    const docs = Array.from({ length: 500 }, (_, i) => ({ id: `doc-${i}`, title: `Title ${'x'.repeat(150)} ${i}`, paragraphs: i }));
    const messages = [
      renderQuotes(many, '**More passages:**'),
      renderSearch('q'.repeat(400), many),
      renderPassage({ documentId: 'd', title: 'T', number: 3, text: longSentence }),
      renderSources(docs),
      renderHelp(['Who is Wang Yongqing?', 'x'.repeat(3000)], 'T'.repeat(500)),
    ];
    for (const message of messages) expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(messages[3]?.content).toMatch(/… and \d+ more\.$/);
  });

  it('shows one line per passage in search results, each with its ¶N', () => {
    const message = renderSearch('cyber', [quote('First.', { paragraph: 2 }), quote('Second.', { paragraph: 6 })]);
    expect(message.content.split('\n')).toEqual(['**Passages for:** cyber', '**¶2** First.', '**¶6** Second.']);
  });

  it('says so when the search finds nothing', () => {
    expect(renderSearch('zebra', []).content).toContain('No passage of the article uses these words.');
  });
});

describe('renderAnswer of a Markdown document', () => {
  it('shows the words a reader sees, with no escaped markup, link target or list marker', () => {
    const page = '# Library news\n\nThe library opens on **Saturday** at the [makerspace](https://example.org/m).\n\n- Library cards are *free* for everyone.\n';
    const document = parseText('news', page, 'md');
    if (!document) throw new Error('the page has no text');
    const engine = Engine.fromDocuments([document], { minConfidence: 0 });
    for (const question of ['When does the library open?', 'What do library cards cost?']) {
      const content = String(renderAnswer(engine.ask(question), refs).content);
      expect(content).toMatch(/\n> /);
      expect(content).not.toMatch(/\\\*|\]\(|https:|\n> - /);
    }
  });
});

describe('citations of sections and bylines', () => {
  it('names the section a quote sits in, escaped and short', () => {
    expect(renderAnswer(answer({ quotes: [quote('The council paid.', { section: 'Who *paid*' })] }), refs).content).toMatch(/\n¶8 · Who \\\*paid\\\* · \*A title\*$/);
    expect(renderPassage({ documentId: 'doc', title: 'A title', number: 3, section: 'Visiting', text: 'Open daily.' }).content).toBe('> Open daily.\n¶3 · Visiting · *A title*');
    const long = renderQuotes([quote('x', { section: 'S'.repeat(500) })], '**More:**').content;
    expect(long.length).toBeLessThan(200);
  });

  it('shows a table row under its table’s header row in italics, escaped, and within Discord’s limit however long', () => {
    const row = quote('Team | $30', { start: 0, end: 10, highlights: [], header: 'Plan | *Price*' });
    expect(renderAnswer(answer({ answer: '$30', quotes: [row] }), refs).content).toBe('**Q:** who bought Norsat?\n**$30**\n> *Plan \\| \\*Price\\**\n> Team \\| $30\n¶8 · *A title*');
    expect(renderPassage({ documentId: 'doc', title: 'A title', number: 3, header: 'Plan | Price', text: 'Team | $30' }).content).toBe('> *Plan \\| Price*\n> Team \\| $30\n¶3 · *A title*');
    const huge = quote('x | '.repeat(2000), { start: 0, end: 8000, highlights: [], header: 'y | '.repeat(2000) });
    for (const message of [renderAnswer(answer({ quotes: [huge] }), refs), renderQuotes([huge, huge, huge], '**More:**'), renderPassage({ documentId: 'd', title: 'T', number: 1, header: huge.header as string, text: huge.text })]) {
      expect(message.content.length).toBeLessThanOrEqual(2000);
      expect(message.content).toMatch(/¶\d+ · \*(A title|T)\*$/);
    }
  });

  it('cites a byline quote as the byline, with no author repeated and no paragraph button', () => {
    const byline = quote('By Maria Delgado, Staff Writer', { paragraph: 0, byline: true, meta: { byline: 'By Maria Delgado, Staff Writer' } });
    const message = renderAnswer(answer({ answer: 'Maria Delgado', quotes: [byline] }), { more: moreId([byline]), paragraph: paragraphId(byline) });
    expect(message.content).toBe('**Q:** who bought Norsat?\n**Maria Delgado**\n> By Maria Delgado, Staff Writer\nbyline · *A title*');
    expect(message.buttons).toEqual([]);
  });
});
