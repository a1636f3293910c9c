import { describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/candidates.js';
import { matchedTokens } from '../../src/answer/evidence.js';
import { headingsOf, tableHeaderAt } from '../../src/answer/headings.js';
import { parseQuestion } from '../../src/answer/question.js';
import { askedCell } from '../../src/answer/table-cell.js';
import type { Chunk } from '../../src/chunk/chunk.js';
import { buildIndex } from '../../src/index/corpus-index.js';
import { parseText } from '../../src/ingest/text.js';
import type { SourceDocument } from '../../src/types.js';

const PLANS = ['# Cloudbox plans', '', 'Cloudbox sells storage to small offices.', '', '| Plan | Monthly price | Yearly price | Storage |', '|---|---|---|---|', '| Basic | $5 | $50 | 50 GB |', '| Team | $30 | $300 | 5 TB |'].join('\n');

/** The cell `askedCell` picks in the row of `row` (a word of it) for `question`, as text; `undefined` when it picks none. */
function cellFor(question: string, row: string, document: SourceDocument = parseText('plans', PLANS, 'md') as SourceDocument): string | undefined {
  const { store, stats } = buildIndex([document]);
  const asked = askQuestion(parseQuestion(question), { store, stats });
  const chunk = Array.from({ length: store.size }, (_, id) => store.chunk(id) as Chunk).find((c) => c.text.startsWith(row)) as Chunk;
  const header = tableHeaderAt(headingsOf(store), chunk.id);
  const cell = header && askedCell(chunk, header, matchedTokens(chunk, asked.lookup), asked.terms);
  return cell && chunk.text.slice(cell.start - chunk.start, cell.end - chunk.start);
}

describe('askedCell', () => {
  it('picks the cell under the column the question names, in the row it names', () => {
    expect(cellFor('How much storage does the Team plan have?', 'Team')).toBe('5 TB');
    expect(cellFor('What is the yearly price of Basic?', 'Basic')).toBe('$50');
    expect(cellFor('Which plan has 5 TB?', 'Team')).toBe('Team');
  });

  it('picks none when the question names no row', () => {
    expect(cellFor('How much storage is there?', 'Team')).toBeUndefined();
  });

  it('picks none when no other column is named, or two are named alike', () => {
    expect(cellFor('What is the Team plan?', 'Team')).toBeUndefined();
    expect(cellFor('What is the price of the Team plan?', 'Team')).toBeUndefined();
  });

  it('picks none in a row whose cells do not line up with the header’s', () => {
    const document = parseText('plans', PLANS, 'md') as SourceDocument;
    const ragged = { ...document, labels: document.labels?.map((label) => ({ ...label, text: 'Plan | Price | Storage' })) };
    expect(cellFor('How much storage does the Team plan have?', 'Team', ragged)).toBeUndefined();
  });

  it('picks none in a sentence outside any table', () => {
    const { store } = buildIndex([parseText('plans', PLANS, 'md') as SourceDocument]);
    expect(tableHeaderAt(headingsOf(store), 0)).toBeUndefined();
  });
});
