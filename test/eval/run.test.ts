import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runEval } from '../../src/cli/eval.js';
import { sink } from '../cli/sink.js';
import { evaluate } from '../../src/eval/run.js';
import { loadSquad } from '../../src/eval/squad.js';

function io() {
  const stdout = sink();
  const stderr = sink();
  return { io: { stdin: new PassThrough(), stdout, stderr, env: {} }, out: () => stdout.text, err: () => stderr.text };
}

const tiny = {
  version: 'v2.0',
  data: [{
    title: 'Tiny',
    paragraphs: [
      { context: 'Acme Corp bought Widget Inc in 2019. The deal cost $5 million.', qas: [
        { id: 'q1', question: 'Who bought Widget Inc?', answers: [{ text: 'Acme Corp', answer_start: 0 }], is_impossible: false },
        { id: 'q2', question: 'When did Acme Corp buy Widget Inc?', answers: [{ text: '2019', answer_start: 31 }], is_impossible: false },
        { id: 'q3', question: 'What is the capital of Peru?', answers: [], is_impossible: true },
      ] },
    ],
  }],
};

describe('evaluate', () => {
  it('asks each question of its own article and counts hits, declines and F1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbot-eval-'));
    await writeFile(join(dir, 'tiny.json'), JSON.stringify(tiny));
    const { report, predictions } = evaluate(await loadSquad(join(dir, 'tiny.json')));
    expect(report).toMatchObject({ questions: 3, answerable: 2, unanswerable: 1, quoteHits: 2, passageHits: 2, declined: 1, answerableEM: 100 });
    expect(predictions.q1).toMatchObject({ answer: 'Acme Corp', passage: 1, abstained: false });
    expect(predictions.q3).toMatchObject({ answer: '', quote: '', passage: null, abstained: true });
  });
});

/** The tiny article asked as a conversation: the second question leans on the first. */
const talk = {
  version: 'v2.0',
  data: [{
    title: 'Tiny talk',
    paragraphs: [
      { context: 'Acme Corp bought Widget Inc in 2019. The regulator approved the purchase of Widget Inc in May.', qas: [
        { id: 'c1', question: 'Who bought Widget Inc?', answers: [{ text: 'Acme Corp', answer_start: 0 }], is_impossible: false },
        { id: 'c2', question: 'Who approved it?', answers: [{ text: 'The regulator', answer_start: 37 }], is_impossible: false },
        { id: 'c3', question: 'What is the capital of Peru?', answers: [], is_impossible: true },
      ] },
    ],
    conversations: [{ id: 'talk', questions: ['c1', 'c2'] }],
  }],
};

describe('evaluate with conversations', () => {
  it('asks a conversation\'s questions in order with the conversation so far and reports its follow-ups apart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbot-eval-'));
    await writeFile(join(dir, 'talk.json'), JSON.stringify(talk));
    const { report, predictions } = evaluate(await loadSquad(join(dir, 'talk.json')));
    expect(report).toMatchObject({ questions: 3, answerable: 2, unanswerable: 1 });
    expect(report.followUps).toMatchObject({ name: 'talk.json (follow-ups)', questions: 1, answerable: 1, quoteHits: 1 });
    expect(predictions.c2).toMatchObject({ understood: 'Who approved Widget Inc?', passage: 1 });
    expect(predictions.c1?.understood).toBeUndefined();
    const run = io();
    expect(await runEval([join(dir, 'talk.json')], run.io)).toBe(0);
    expect(run.out()).toContain('| talk.json (follow-ups) | 1 | 1/1 (100.0%) |');
  });

  it.each([
    [['c1', 'nope'], /a conversation names question "nope", which is not in its article/],
    [['c1', 'c1'], /question "c1" is in two conversations, or twice in one/],
  ])('refuses a conversation %j with one newsbot line', async (questions, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbot-eval-'));
    const bad = { ...talk, data: [{ ...talk.data[0], conversations: [{ id: 'bad', questions }] }] };
    await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
    const run = io();
    expect(await runEval([join(dir, 'bad.json')], run.io)).toBe(1);
    expect(run.err()).toMatch(message);
    expect(run.err().split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('eval command', () => {
  it('prints the figures as one JSON object with --json and writes --predictions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbot-eval-'));
    await writeFile(join(dir, 'tiny.json'), JSON.stringify(tiny));
    const run = io();
    const code = await runEval(['--json', '--predictions', join(dir, 'out.json'), join(dir, 'tiny.json')], run.io);
    expect(code).toBe(0);
    expect(JSON.parse(run.out())).toMatchObject({ name: 'tiny.json', questions: 3 });
    const written = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8'));
    expect(Object.keys(written).sort()).toEqual(['q1', 'q2', 'q3']);
    expect(written.q2).toEqual(expect.objectContaining({ answer: expect.any(String), quote: expect.any(String), passage: 1, abstained: false, confidence: expect.any(Number) }));
  });

  it('prints a table with every measure', async () => {
    const run = io();
    expect(await runEval(['eval/seed-questions.json'], run.io)).toBe(0);
    expect(run.out()).toMatch(/\| set \| questions \| quote hit \| passage hit \|/);
    expect(run.out()).toContain('| seed-questions.json | 16 |');
  });

  it('fails with one line naming a file that is not SQuAD', async () => {
    const run = io();
    expect(await runEval(['package.json'], run.io)).toBe(1);
    expect(run.err()).toMatch(/^newsbot: file "package.json" is not in SQuAD v2.0 format.*\n$/);
  });

  it('reads question files and writes --predictions relative to the folder npm was started in (INIT_CWD)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbot-eval-'));
    await writeFile(join(dir, 'tiny.json'), JSON.stringify(tiny));
    const stdout = sink();
    const stderr = sink();
    const code = await runEval(['--json', '--predictions', 'out.json', 'tiny.json'], { stdin: new PassThrough(), stdout, stderr, env: { INIT_CWD: dir } });
    expect(code, stderr.text).toBe(0);
    expect(Object.keys(JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')))).toHaveLength(3);
  });

  it('refuses a question file with --cv, which cross-validates on the training sets', async () => {
    const run = io();
    expect(await runEval(['--cv', 'eval/seed-questions.json'], run.io)).toBe(2);
    expect(run.err()).toMatch(/^newsbot: --cv cross-validates on the training sets in training\/: it takes no question file\n$/);
  });

  it('fails with a usage error for an unknown flag', async () => {
    const run = io();
    expect(await runEval(['--bogus'], run.io)).toBe(2);
    expect(run.err().split('\n').filter(Boolean)).toHaveLength(1);
  });
});
