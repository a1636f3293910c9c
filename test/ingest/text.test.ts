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

  it('uses the first heading as the title of a Markdown file', () => {
    const doc = parseText('m', '# The Title #\nIntro text.\n\n## Section\n\nBody.', 'md');
    expect(doc?.title).toBe('The Title');
    expect(doc?.paragraphs).toEqual(['Intro text.', 'Section', 'Body.']);
  });

  it('returns undefined when there is no text at all', () => {
    expect(parseText('a', '\uFEFF \r\n\u00a0\n\t', 'txt')).toBeUndefined();
  });
});
