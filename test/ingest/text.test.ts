import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/ingest/text.js';

describe('parseText', () => {
  it('takes the first line as title and blank-line separated blocks as paragraphs', () => {
    const doc = parseText('a', 'Title\n\nFirst para.\n\nSecond para.\n', 'txt');
    expect(doc).toEqual({ id: 'a', title: 'Title', paragraphs: ['First para.', 'Second para.'] });
  });

  it('takes the first line as title even when no blank line follows it', () => {
    expect(parseText('a', 'Title\nBody.', 'txt')?.paragraphs).toEqual(['Body.']);
  });

  it('tolerates a BOM, CRLF, NBSP-only lines and trailing spaces', () => {
    const doc = parseText('a', '\uFEFFTitle  \r\n\u00a0\r\nOne line \r\ncontinues.\t\r\n \r\nTwo.', 'txt');
    expect(doc?.title).toBe('Title');
    expect(doc?.paragraphs).toEqual(['One line continues.', 'Two.']);
  });

  it('keeps curly quotes, dashes and inner NBSP verbatim', () => {
    const body = '“Quoted” — text\u00a0with NBSP’s.';
    expect(parseText('a', `T\n\n${body}`, 'txt')?.paragraphs).toEqual([body]);
  });

  it('uses the first heading as the title of a Markdown file, and quotes no heading as a passage', () => {
    const doc = parseText('m', '# The Title #\nIntro text.\n\n## Section\n\nBody.', 'md');
    expect(doc?.title).toBe('The Title');
    expect(doc?.paragraphs).toEqual(['Intro text.', 'Body.']);
  });

  it('reads Markdown as a reader sees it: no markup or link targets, each list item and table row alone, no header row or code', () => {
    const page = [
      '---', 'layout: post', 'title: ignored', '---',
      '# Library news', '',
      'The library opens on **Saturday** at the [makerspace](https://example.org/makerspace) ![logo](https://example.org/l.png).', '',
      '- Opening hours are *9 to 5* every day.', '- Library cards are `free`.', '  - Children get one too.', '',
      '> "It\'s a good day," said the librarian.', '',
      '```js', 'const secret = "not a passage";', '```', '',
      '| Room | Seats |', '|---|---|', '| Hall | 120 |', '| Studio | 16 |', '',
      '<div class="ad">Buy now</div>',
    ].join('\n');
    const doc = parseText('news', page, 'md');
    expect(doc?.title).toBe('Library news');
    expect(doc?.paragraphs).toEqual([
      'The library opens on Saturday at the makerspace .',
      'Opening hours are 9 to 5 every day.',
      'Library cards are free.',
      'Children get one too.',
      '"It\'s a good day," said the librarian.',
      'Hall | 120',
      'Studio | 16',
    ]);
  });

  it('labels a Markdown table’s rows with its header row, and moves the label up when the first passage is the title', () => {
    const table = ['| Room | Seats |', '|---|---|', '| Hall | 120 |', '| Studio | 16 |'].join('\n');
    expect(parseText('t', `# Rooms\n\nWe have two rooms.\n\n${table}`, 'md')).toMatchObject({ paragraphs: ['We have two rooms.', 'Hall | 120', 'Studio | 16'], labels: [{ text: 'Room | Seats', first: 2, last: 3 }] });
    expect(parseText('t', `Our rooms\n\n${table}`, 'md')).toMatchObject({ title: 'Our rooms', paragraphs: ['Hall | 120', 'Studio | 16'], labels: [{ text: 'Room | Seats', first: 1, last: 2 }] });
    // A first passage that is a sentence stays a passage, and the label stays where it was.
    expect(parseText('t', `We have two rooms.\n\n${table}`, 'md')).toMatchObject({ title: 't', paragraphs: ['We have two rooms.', 'Hall | 120', 'Studio | 16'], labels: [{ text: 'Room | Seats', first: 2, last: 3 }] });
    // An empty cell keeps its place, so the columns still line up with the header's.
    expect(parseText('t', '# Rooms\n\n| Room | Seats | Notes |\n|---|---|---|\n| Hall |  | stage |', 'md')?.paragraphs).toEqual(['Hall | | stage']);
    expect(parseText('t', '# Rooms\n\nNo table here.', 'md')?.labels).toBeUndefined();
  });

  it('titles a Markdown file without a heading by its first passage when it reads as a headline, else by its name', () => {
    expect(parseText('m', 'Council news\n\nThe council met.', 'md')).toMatchObject({ title: 'Council news', paragraphs: ['The council met.'] });
    expect(parseText('m', 'The council met on Monday.\n\nIt voted.', 'md')).toMatchObject({ title: 'm', paragraphs: ['The council met on Monday.', 'It voted.'] });
  });

  it('titles a text file by its name, and keeps its first line in the first paragraph, when that line is an article\'s lead, not a headline', () => {
    // A sentence's full stop (before a closing quote too), or more words than a headline has.
    expect(parseText('lead', 'The council approved a new library on Thursday.\n\nIt will open in 2029.', 'txt')).toEqual({ id: 'lead', title: 'lead', paragraphs: ['The council approved a new library on Thursday.', 'It will open in 2029.'] });
    expect(parseText('said', '"We will build it," the mayor said.”\nShe gave no date.', 'txt')?.paragraphs).toEqual(['"We will build it," the mayor said.” She gave no date.']);
    const long = Array.from({ length: 30 }, () => 'word').join(' ');
    expect(parseText('long', `${long}\n\nMore.`, 'txt')).toMatchObject({ title: 'long', paragraphs: [long, 'More.'] });
    // A one-line note is a paragraph to answer from.
    expect(parseText('note', 'Opening hours are 9 to 5 on weekdays.', 'txt')).toMatchObject({ title: 'note', paragraphs: ['Opening hours are 9 to 5 on weekdays.'] });
    // A headline may ask or exclaim.
    expect(parseText('q', 'Is the library worth 95 million euros?\n\nCritics say no.', 'txt')?.title).toBe('Is the library worth 95 million euros?');
  });

  it('never leaves Markdown markup in a passage, whatever the text around it', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
    const inline = fc.oneof(word, word.map((w) => `**${w}**`), word.map((w) => `*${w}*`), word.map((w) => `[${w}](https://example.org/${w})`), word.map((w) => `\`${w}\``));
    fc.assert(
      fc.property(fc.array(fc.array(inline, { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')), { minLength: 1, maxLength: 5 }), (paragraphs) => {
        const doc = parseText('m', ['# T', ...paragraphs.map((p, i) => (i % 2 ? `- ${p}` : p))].join('\n\n'), 'md');
        for (const passage of doc?.paragraphs ?? []) expect(passage).not.toMatch(/\*|\]\(|`|https?:/);
      }),
    );
  });

  it('returns undefined when there is no text at all', () => {
    expect(parseText('a', '\uFEFF \r\n\u00a0\n\t', 'txt')).toBeUndefined();
  });
});
