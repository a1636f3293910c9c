/** The benchmark report as Markdown: the machine, one table per corpus, and the targets. */
import { HEAP_GROWTH_PERCENT } from '../src/heap.js';
import type { Dataset, DatasetName } from './datasets.js';
import type { EngineName } from './engines.js';
import type { FollowUpTiming } from './follow-ups.js';
import type { Measurement } from './measure.js';

/** Cold starts of one engine on one dataset, in milliseconds (the median of the saved-index runs). */
export interface ColdStart {
  dataset: DatasetName;
  engine: EngineName;
  persistedMs: number;
  freshMs: number;
}

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  /** One-minute load averages at the start and the end: other work on the machine shows in the tail latencies. */
  load: [number, number];
}

export interface Report {
  machine: Machine;
  datasets: Array<Pick<Dataset, 'name' | 'corpus' | 'vocabularyGrowth'> & { questions: number }>;
  measurements: Measurement[];
  coldStarts: ColdStart[];
  /** newsbot's follow-up questions on the bundled article, asked in their conversations (`follow-ups.ts`). */
  followUps?: FollowUpTiming;
}

const TITLES: Record<DatasetName, string> = {
  article: 'Bundled article (`corpus/`): the 16 seed and 204 off-topic questions, Hit@1 over the 12 answerable seed questions',
  squad: 'SQuAD sample (`eval/squad-v2-dev-sample.json`, both articles in one index): 418 questions, Hit@1 over the 204 answerable',
  large: 'Generated corpus: questions made from its own sentences, Hit@1 = the top passage holds the sentence',
};

export function renderReport(report: Report): string {
  const { machine } = report;
  const lines = [
    '# Benchmark results',
    '',
    `\`npm run bench\`, ${machine.date}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; ` +
      `load average ${machine.load[0].toFixed(2)} at the start, ${machine.load[1].toFixed(2)} at the end.`,
    '',
    'Every engine indexes the same passages (paragraphs) and answers the same questions, each in a process of its own.',
    '*Hit@1*: the top passage holds a gold answer. *p50/p95/p99*: milliseconds per question, after a warm-up;',
    'a library is timed on as many questions as fit in 20 seconds (the *questions* column). *Build*: indexing time',
    '(reading files and saving excluded); *words/s* over whitespace-separated words. newsbot chunks a corpus of a million',
    'characters or more in two threads (here the large one), the libraries index in one. *Peak RSS* of the whole process,',
    `which answers with the bot's heap setting for every engine (\`src/heap.ts\`: a full collection once the old generation grew by ${HEAP_GROWTH_PERCENT}%).`,
    '*Index*: the saved index on disk (newsbot\'s snapshot; the libraries\' own serialization, as JSON).',
    '*Cold start*: from spawning `node --import tsx` to the first answer, loading the saved index (median of 3) or',
    'indexing the corpus (newsbot then also saves its snapshot, as the bot does on a first start).',
    '',
  ];
  for (const dataset of report.datasets) {
    const name = dataset.name as DatasetName;
    const rows = report.measurements.filter((m) => m.dataset === name);
    const first = rows[0];
    if (!first) continue;
    lines.push(`## ${name}: ${first.documents.toLocaleString('en-US')} documents, ${first.passages.toLocaleString('en-US')} passages, ${first.words.toLocaleString('en-US')} words`, '');
    lines.push(TITLES[name] + '.', '');
    if (dataset.vocabularyGrowth) {
      const growth = dataset.vocabularyGrowth.filter((_, i, all) => i === 0 || i === Math.floor(all.length / 2) - 1 || i === all.length - 1);
      lines.push(`Distinct words: ${growth.map((g) => `${g.vocabulary.toLocaleString('en-US')} after ${g.words.toLocaleString('en-US')} words`).join(', ')}.`, '');
    }
    lines.push(
      '| engine | Hit@1 | p50 ms | p95 ms | p99 ms | questions | build s | words/s | peak RSS MB | index MB | cold start, saved index s | cold start, no index s |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const m of rows) {
      const cold = report.coldStarts.find((c) => c.dataset === name && c.engine === m.engine);
      lines.push(
        `| ${m.engine === 'newsbot' ? '**newsbot**' : m.engine} | ${m.hits}/${m.graded} (${percent(m.hits, m.graded)}) | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${m.timed.toLocaleString('en-US')} | ` +
          `${(m.buildMs / 1000).toFixed(2)} | ${Math.round(m.wordsPerSecond).toLocaleString('en-US')} | ${Math.round(m.peakRssMb)} | ${(m.indexBytes / 1e6).toFixed(2)} | ` +
          `${cold ? (cold.persistedMs / 1000).toFixed(2) : '–'} | ${cold ? (cold.freshMs / 1000).toFixed(2) : '–'} |`,
      );
    }
    lines.push('');
  }
  lines.push(...targets(report), ...NOTES);
  return `${lines.join('\n')}\n`;
}

const NOTES = [
  '## Notes',
  '',
  "- newsbot's Hit@1 is the paragraph of its first quote, whether it answers or declines; its build time leaves out",
  "  loading the wink-nlp model (about 0.1 s, once per process), as wink-bm25's does.",
  "- FlexSearch's default index returns only passages that hold every word of the query (its `suggest` option",
  '  relaxes that), so whole questions rarely match anything.',
  "- lunr reads a question as its query language; one that is not valid syntax (a `:` or `~`, say) counts as a miss.",
  '- A library timed on fewer than 1,000 questions has its Hit@1 counted over the questions it was asked: the first',
  '  ones of the same list.',
  '',
];

function targets(report: Report): string[] {
  const find = (dataset: DatasetName): Measurement | undefined => report.measurements.find((m) => m.dataset === dataset && m.engine === 'newsbot');
  const { followUps } = report;
  const cold = report.coldStarts.find((c) => c.dataset === 'large' && c.engine === 'newsbot');
  const article = find('article');
  const squad = find('squad');
  const large = find('large');
  const peers = report.measurements.filter((m) => m.dataset === 'squad' && m.engine !== 'newsbot');
  const bestPeer = peers.reduce<Measurement | undefined>((best, m) => (!best || m.hits > best.hits ? m : best), undefined);
  const row = (measure: string, target: string, value: string | undefined, met: boolean | undefined): string =>
    `| ${measure} | ${target} | ${value ?? '–'} | ${met === undefined ? '–' : met ? 'yes' : '**no**'} |`;
  return [
    '## Targets (newsbot)',
    '',
    '| measure | target | measured | met |',
    '|---|---|---|---|',
    row('answer p99, bundled article', '≤ 1 ms', article && `${ms(article.p99)} ms`, article && article.p99 <= 1),
    row(
      'follow-up p99, bundled article (in its conversation)',
      '≤ 1 ms',
      followUps && `${ms(followUps.p99)} ms (p50 ${ms(followUps.p50)}, ${followUps.timed.toLocaleString('en-US')} follow-ups)`,
      followUps && followUps.p99 <= 1,
    ),
    row('answer p99, 1M-word corpus', '≤ 10 ms', large && `${ms(large.p99)} ms`, large && large.p99 <= 10),
    row('index build, 1M-word corpus', '≥ 150,000 words/s', large && `${Math.round(large.wordsPerSecond).toLocaleString('en-US')} words/s`, large && large.wordsPerSecond >= 150_000),
    row('cold start to first answer from the snapshot, 1M words', '≤ 1.5 s', cold && `${(cold.persistedMs / 1000).toFixed(2)} s`, cold && cold.persistedMs <= 1500),
    row('peak RSS, 1M words', '≤ 400 MB', large && `${Math.round(large.peakRssMb)} MB`, large && large.peakRssMb <= 400),
    row(
      'passage Hit@1, SQuAD sample',
      'above every library',
      squad && `${percent(squad.hits, squad.graded)} (best library: ${bestPeer ? `${bestPeer.engine} ${percent(bestPeer.hits, bestPeer.graded)}` : '–'})`,
      squad && peers.every((p) => squad.hits / squad.graded > p.hits / p.graded),
    ),
    '',
  ];
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(0);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`;
}
