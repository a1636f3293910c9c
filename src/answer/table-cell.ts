import type { Chunk } from '../chunk/chunk.js';
import { cellsOf, type CellRange } from '../ingest/cells.js';
import type { WeightedTerm } from './evidence.js';
import { headingMatches, type Heading } from './headings.js';

/**
 * The cell of a table row that a question asks for, read off the table's
 * header row: *How much storage does the Pro plan have?* of `Pro | $12 | 1 TB`
 * under `Plan | Price per month | Storage` asks for `1 TB`. The question must
 * name the row (a cell says one of its words: `Pro`) and name a column of
 * another cell (its header says more of the question's weight than any other
 * column's: `Storage`); otherwise there is no such cell and the span model
 * picks the short answer. A table is structure that no prose sentence, and so
 * none of the span model's training data, has: its header says what each cell
 * is, which no weight has to learn. Offsets are the paragraph's, as the row's
 * tokens' are. `matched`: the row's tokens (positions in the chunk) that match
 * a question word.
 */
export function askedCell(row: Chunk, header: Heading, matched: readonly number[], terms: readonly WeightedTerm[]): CellRange | undefined {
  const cells = cellsOf(row.text);
  const columns = cellsOf(header.text);
  // A row split into sentences, or cells spanning columns: which header cell is over which row cell is unknown.
  if (cells.length < 2 || cells.length !== columns.length) return undefined;
  const named = cells.map((cell) => matched.some((i) => within(cell, (row.tokens[i]?.start ?? -1) - row.start)));
  if (!named.includes(true)) return undefined;
  const weights = columns.map((column, c) => {
    if (named[c] || (cells[c] as CellRange).start === (cells[c] as CellRange).end) return 0;
    const matches = headingMatches({ tokens: header.tokens.filter((token) => within(column, token.start)) }, terms);
    return matches.reduce((sum, match, t) => sum + (match === 'none' ? 0 : (terms[t] as WeightedTerm).weight), 0);
  });
  const best = Math.max(...weights);
  // No column named, or two named alike (*price* over `Price (monthly) | Price (yearly)`): the header does not tell.
  if (!(best > 0) || weights.filter((weight) => weight === best).length > 1) return undefined;
  const cell = cells[weights.indexOf(best)] as CellRange;
  return { start: row.start + cell.start, end: row.start + cell.end };
}

function within(cell: CellRange, offset: number): boolean {
  return offset >= cell.start && offset < cell.end;
}
