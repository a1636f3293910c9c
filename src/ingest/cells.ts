/**
 * How a table row reads as a passage: its cells in order, between ` | `
 * (`Pro | $12 | 1 TB`), as the row is written in Markdown. The separator keeps
 * the columns apart for the reader of a quote, and for the engine, which reads
 * the row with its header row (`Plan | Price per month | Storage`) to pick the
 * cell a question asks for.
 */
export const CELL_SEPARATOR = ' | ';

/** A row's cells as one passage, each cell's whitespace collapsed; an empty cell stays, so columns line up; `''` when every cell is empty. */
export function joinCells(cells: readonly string[]): string {
  const clean = cells.map((cell) => cell.replace(/\s+/g, ' ').trim());
  return clean.some((cell) => cell !== '') ? clean.join(CELL_SEPARATOR).replace(/ {2,}/g, ' ').trim() : '';
}

/** Where a cell stands in a row's text: offsets, the cell's own spaces left out. */
export interface CellRange {
  start: number;
  end: number;
}

/**
 * The cells of a row as `joinCells` wrote it: split at each `|` with a space
 * (or the text's edge) on both sides, so a `|` inside a cell's word stays in
 * its cell. A text without one is one cell.
 */
export function cellsOf(text: string): CellRange[] {
  const out: CellRange[] = [];
  let from = 0;
  const close = (to: number): void => {
    let start = from;
    let end = to;
    while (start < end && text[start] === ' ') start++;
    while (end > start && text[end - 1] === ' ') end--;
    out.push({ start, end });
  };
  for (const bar of text.matchAll(/(?<=^| )\|(?= |$)/g)) {
    close(bar.index);
    from = bar.index + 1;
  }
  close(text.length);
  return out;
}
