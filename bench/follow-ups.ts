/**
 * Follow-up questions on the bundled article, timed as the bot and the REPL
 * ask them: each conversation of `eval/seed-followups.json` asked in order, every
 * question with the conversation so far (timing only; the eval grades them).
 * A follow-up costs more than the same words alone: it is read with the turns
 * before it, and one with a pronoun is asked twice (see `in-conversation.ts`).
 * Prints one JSON line (a `FollowUpTiming`) on stdout.
 *
 * Usage: tsx bench/follow-ups.ts [SECONDS]
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine, NEW_CONVERSATION, remember } from '../src/index.js';
import { limitHeapGrowth, settleHeap } from '../src/heap.js';
import { loadSquad } from '../src/eval/squad.js';
import { ROOT, TIMED_QUESTIONS } from './datasets.js';
import { percentileOf, WARM_UP_MS } from './measure.js';

export interface FollowUpTiming {
  conversations: number;
  /** Timed follow-up questions (every question after a conversation's first), the conversations cycled. */
  timed: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function measureFollowUps(budgetMs: number): Promise<FollowUpTiming> {
  limitHeapGrowth();
  const engine = await Engine.load({ cacheDir: false });
  settleHeap();
  const set = await loadSquad(join(ROOT, 'eval/seed-followups.json'));
  const byId = new Map(set.questions.map((q) => [q.id, q.question]));
  const conversations = set.conversations.map((ids) => ids.map((id) => byId.get(id) ?? '').filter(Boolean));
  /** Asks one conversation in order; `time` gets each follow-up's milliseconds. */
  const converse = (questions: readonly string[], time?: (ms: number) => void): void => {
    let conversation = NEW_CONVERSATION;
    questions.forEach((question, turn) => {
      const started = performance.now();
      const answer = engine.ask(question, { conversation });
      if (turn > 0) time?.(performance.now() - started);
      conversation = remember(conversation, answer);
    });
  };
  const warmUpEnds = performance.now() + WARM_UP_MS;
  for (let i = 0; performance.now() < warmUpEnds; i++) converse(conversations[i % conversations.length] ?? []);
  const times: number[] = [];
  const ends = performance.now() + budgetMs;
  for (let i = 0; times.length < 3 * TIMED_QUESTIONS && performance.now() < ends; i++) converse(conversations[i % conversations.length] ?? [], (ms) => times.push(ms));
  times.sort((a, b) => a - b);
  return { conversations: conversations.length, timed: times.length, p50: percentileOf(times, 50), p95: percentileOf(times, 95), p99: percentileOf(times, 99) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  measureFollowUps(Number(process.argv[2] ?? '20') * 1000).then(
    (timing) => process.stdout.write(`${JSON.stringify(timing)}\n`),
    (error: unknown) => {
      process.stderr.write(`newsbot: bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
