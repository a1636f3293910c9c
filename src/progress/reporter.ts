import type { IndexProgress } from '../index/corpus-index.js';

/** Options of `progressReporter`. */
export interface ProgressOptions {
  /** Where to write (stderr, so stdout stays the command's output). A TTY gets a redrawn bar, anything else plain lines. */
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  /** What is being done, first word of every line. Default `indexing`. */
  label?: string;
  /** Nothing is shown for work that ends sooner than this many milliseconds. Default `1000`. */
  delayMs?: number;
  /** Least milliseconds between two redraws of the bar. Default `100`. */
  redrawMs?: number;
  /** Least milliseconds between two plain lines. Default `2000`. */
  lineMs?: number;
}

const BAR_WIDTH = 24;

/**
 * A progress display for indexing: after the first second, a bar on a TTY
 * (documents, words per second, time left), or a plain line every two seconds
 * otherwise, then one closing line. Time comes from the progress reports
 * themselves, so the display is the same however fast the machine is.
 */
export function progressReporter(options: ProgressOptions): (progress: IndexProgress) => void {
  const { stream, label = 'indexing', delayMs = 1000, redrawMs = 100, lineMs = 2000 } = options;
  const tty = stream.isTTY === true;
  let shown = false;
  let last = -Infinity;
  return (progress) => {
    if (progress.phase === 'done') {
      if (!shown) return;
      stream.write(`${tty ? '\r\x1b[K' : ''}newsbot: ${label} done: ${summary(progress)}\n`);
      return;
    }
    if (progress.elapsedMs < delayMs) return;
    const final = progress.phase === 'index';
    if (!final && progress.elapsedMs - last < (tty ? redrawMs : lineMs)) return;
    last = progress.elapsedMs;
    shown = true;
    stream.write(tty ? `\r\x1b[K${bar(progress)} ${status(progress)}` : `newsbot: ${label} ${status(progress)}\n`);
  };
}

/** `1,204/2,386 documents, 152,000 words/s, about 4 s left`, or the search index step once every document is read. */
function status(p: IndexProgress): string {
  if (p.phase === 'index') return `${count(p.documents)}/${count(p.totalDocuments)} documents read, building the search index…`;
  const rate = wordsPerSecond(p);
  const left = rate > 0 ? (p.totalWords - p.words) / rate : Infinity;
  return `${count(p.documents)}/${count(p.totalDocuments)} documents, ${count(rate)} words/s, ${Number.isFinite(left) ? `about ${duration(left)} left` : 'time left unknown'}`;
}

function bar(p: IndexProgress): string {
  const share = p.phase === 'index' ? 1 : p.totalWords > 0 ? p.words / p.totalWords : p.documents / Math.max(1, p.totalDocuments);
  const filled = Math.round(Math.min(1, Math.max(0, share)) * BAR_WIDTH);
  return `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`;
}

function summary(p: IndexProgress): string {
  return `${count(p.totalDocuments)} documents, ${count(p.totalWords)} words in ${duration(p.elapsedMs / 1000)} (${count(wordsPerSecond(p))} words/s)`;
}

function wordsPerSecond(p: IndexProgress): number {
  return p.elapsedMs > 0 ? Math.round((p.words * 1000) / p.elapsedMs) : 0;
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** `0.4 s`, `12 s`, `3 min 20 s`. */
function duration(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
