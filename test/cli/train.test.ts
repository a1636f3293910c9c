import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sink } from './sink.js';
import { ask } from '../../src/answer/ask.js';
import type { AnswerContext } from '../../src/answer/candidates.js';
import { FEATURES } from '../../src/answer/default-model.js';
import { answerModelOf, readModelFile } from '../../src/answer/model.js';
import { runTrain } from '../../src/cli/train.js';
import { buildIndex } from '../../src/index/corpus-index.js';
import { DEFAULT_TRAIN_OPTIONS } from '../../src/train/cross-validate.js';

const FIXTURE = resolve(fileURLToPath(import.meta.url), '../../train/fixtures/tiny-squad.json');
const CONVERSATIONS = resolve(fileURLToPath(import.meta.url), '../../train/fixtures/tiny-conversations.json');
const quick = {
  ...DEFAULT_TRAIN_OPTIONS,
  folds: 2,
  ranker: { ...DEFAULT_TRAIN_OPTIONS.ranker, epochs: 2 },
  decider: { ...DEFAULT_TRAIN_OPTIONS.decider, epochs: 2 },
  spans: { ...DEFAULT_TRAIN_OPTIONS.spans, epochs: 2 },
};

async function train(argv: string[], out: string, write = true): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await runTrain(argv, { stdin: Readable.from([]), stdout, stderr, env: {} }, { pool: FIXTURE, slice: FIXTURE, conversations: [CONVERSATIONS], out, write, options: quick });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('npm run train', () => {
  it('prints the cross-validated table per fold and overall, and writes a model the engine answers with', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'newsbot-train-')), 'answer.json');
    const run = await train([], out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\| fold \| answerable \/ unanswerable \| retrieval recall.*\| short-answer F1 \(EM\) \|\n/);
    expect(run.stdout).toMatch(/\n\| 1 \|.*\n\| 2 \|.*\n\| \*\*all\*\* \| 20 \/ 8 \|.*\n\| short pages \| \d+ \/ \d+ \|/);
    expect(run.stdout).toMatch(/\| span model, in the sentence that holds the answer \| questions \| short-answer F1 \(EM\) \|\n\|---\|---\|---\|\n\| pool articles, cross-validated \| \d+ \| [\d.]+ \([\d.]+\) \|\n\| news conversation files, never learned from \(questions that stand alone\) \| [1-9]\d* \| [\d.]+ \([\d.]+\) \|\n/);
    expect(run.stdout).toMatch(/threshold 0\.\d+, short answer shown from span probability [01](\.\d+)?\n/);
    expect(run.stderr).toMatch(/newsbot: and of [1-9]\d* questions of the conversation files that stand alone, to check the span model on\n/);
    expect(run.stdout).toContain('whole articles:\n| confidence | answers | quote the answer | mean confidence |');
    expect(run.stdout).toContain('short pages:\n| confidence | answers | quote the answer | mean confidence |');
    expect(run.stderr).toMatch(/newsbot: model [0-9a-f]{16} written to/);
    expect(run.stderr).toMatch(/newsbot: locality prior: \+[\d.]+ to the previous answer's paragraph, \+[\d.]+ more to its sentence, the words a reading put in at [\d.]+ of their weight; follow-ups right \d of 2 \(\d without it; \d with the prior fitted without their file\)\n/);

    const model = answerModelOf(readModelFile(out), FEATURES);
    const documents = [{ id: 'ferry', title: 'Ferry', paragraphs: ['The council will keep the ferry running. Blue Line Shipping owns the ferry.'] }];
    const context: AnswerContext = { documents, ...buildIndex(documents) };
    const answer = ask(context, 'Who owns the ferry?', { minConfidence: 0 }, {}, model);
    expect(answer.answered).toBe(true);
    expect(answer.quotes[0]?.text).toMatch(/ferry/);
    expect(answer.quotes[0]?.text).toContain(answer.answer);
  });

  it('only prints the cross-validated figures, as JSON with --json, when asked not to write (eval --cv)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'newsbot-train-')), 'answer.json');
    const run = await train(['--json'], out, false);
    expect(run.code, run.stderr).toBe(0);
    const figures = JSON.parse(run.stdout) as { overall: { answerable: number; unanswerable: number; shortF1: number; shortEM: number }; perFold: unknown[]; threshold: number; spanThreshold: number; spansInSentence: Record<'pool' | 'heldOut', { questions: number; f1: number; em: number }> };
    expect(figures.overall).toMatchObject({ answerable: 20, unanswerable: 8 });
    expect(figures.overall.shortF1).toBeGreaterThanOrEqual(figures.overall.shortEM);
    expect(figures.spanThreshold).toBeGreaterThanOrEqual(0);
    expect(figures.perFold).toHaveLength(2);
    // The span model measured within the sentence that holds the answer, on the pool and on the conversation files' questions.
    expect(figures.spansInSentence.pool.questions).toBeGreaterThan(0);
    expect(figures.spansInSentence.heldOut.questions).toBeGreaterThan(0);
    expect(figures.spansInSentence.heldOut.f1).toBeGreaterThanOrEqual(figures.spansInSentence.heldOut.em);
    expect(run.stderr).toMatch(/newsbot: cross-validated in \d+ s; no model written\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('learns no span from the conversation files, on which it only checks the span model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-train-'));
    const io = { stdin: Readable.from([]), stdout: sink(), stderr: sink(), env: {} };
    await runTrain([], io, { pool: FIXTURE, slice: FIXTURE, conversations: [], out: join(dir, 'none.json'), write: true, options: quick });
    await train([], join(dir, 'with.json'));
    expect(readModelFile(join(dir, 'with.json')).spans).toEqual(readModelFile(join(dir, 'none.json')).spans);
  });

  it('fits the same model twice from the same data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-train-'));
    await train([], join(dir, 'a.json'));
    await train([], join(dir, 'b.json'));
    expect(readModelFile(join(dir, 'b.json'))).toEqual(readModelFile(join(dir, 'a.json')));
  });

  it('says which training file it cannot read, with no stack trace', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'newsbot-train-')), 'answer.json');
    const run = await train(['pool=/nonexistent/pool.json'], out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^newsbot: file "\/nonexistent\/pool\.json" cannot be read\n$/);
  });

  it('refuses an argument it does not know', async () => {
    const run = await train(['epochs=3'], '/tmp/unused.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown argument "epochs=3"');
  });
});
