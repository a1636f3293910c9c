import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { sink } from './sink.js';
import { runAsk } from '../../src/cli/ask.js';
import { Engine, type Answer } from '../../src/index.js';
import { smokeAnswer, smokeCitation } from '../smoke.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface Terminal {
  tty?: boolean;
  env?: Record<string, string | undefined>;
}


async function ask(argv: string[], input = '', { tty = false, env = {} }: Terminal = {}): Promise<Run> {
  const stdout = sink();
  const stderr = sink();
  if (tty) stdout.isTTY = true;
  const code = await runAsk(argv, { stdin: Readable.from([input]), stdout, stderr, env });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

// Control characters a terminal acts on, other than the line feeds we emit.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const BAD_QUESTIONS: Array<[string, string]> = [
  ['empty', ''],
  ['whitespace', ' \t  '],
  ['punctuation only', '?!...;'],
  ['10,000 characters', 'who bought Norsat '.repeat(556).slice(0, 10_000)],
  ['emoji', '🤔🇨🇦 who 👨‍👩‍👧 bought Norsat? 💸'],
  ['control characters', 'who \x1b[2J\x1b]0;x\x07bought\x00 \x9b31m Norsat\r?'],
  ['another language', '谁收购了Norsat？'],
];

describe('cli/ask', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await Engine.load();
  });

  it('prints one JSON line with the Answer fields when --json is given', async () => {
    const run = await ask(['--json', 'who bought Norsat?']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const answer = JSON.parse(run.stdout) as Answer;
    expect(answer).toMatchObject({ question: 'who bought Norsat?', answered: true });
    expect(typeof answer.answer).toBe('string');
    expect(typeof answer.confidence).toBe('number');
    const first = answer.quotes[0];
    expect(first?.paragraph).toBe((await smokeAnswer()).quotes[0]?.paragraph);
    if (!first) return;
    expect(first.text).toBe(engine.passage(first.paragraph, first.documentId).text.slice(first.start, first.end));
  });

  it('joins several words into one question', async () => {
    const run = await ask(['--json', 'who', 'bought', 'Norsat?']);
    expect((JSON.parse(run.stdout) as Answer).question).toBe('who bought Norsat?');
  });

  it('takes words after -- as the question even when they look like flags', async () => {
    const run = await ask(['--json', '--', '--corpus', 'Norsat']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Answer).question).toBe('--corpus Norsat');
  });

  it('prints the rendered answer without colour when stdout is not a terminal', async () => {
    const run = await ask(['who bought Norsat?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`\n${await smokeCitation()} · `);
    expect(run.stdout).not.toContain('\x1b');
  });

  it('colours the answer when stdout is a terminal and NO_COLOR is unset', async () => {
    expect((await ask(['who bought Norsat?'], '', { tty: true })).stdout).toContain('\x1b[');
  });

  it('does not colour the answer when NO_COLOR is set', async () => {
    expect((await ask(['who bought Norsat?'], '', { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b');
  });

  it('answers each non-blank stdin line with one JSON line when no question is given', async () => {
    const run = await ask(['--json'], 'who bought Norsat?\n\n   \nwhat is the price?\r\nwho is Wang Yongqing?');
    expect(run.code).toBe(0);
    const answers = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Answer);
    expect(answers.map((a) => a.question)).toEqual(['who bought Norsat?', 'what is the price?', 'who is Wang Yongqing?']);
  });

  it('heads each text answer with its question when reading stdin', async () => {
    const run = await ask([], 'who bought Norsat?\nwhat is the price?\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^» who bought Norsat\?\n/);
    expect(run.stdout).toContain('\n\n» what is the price?\n');
  });

  it('prints the usage and exits 0 with --help', async () => {
    const run = await ask(['--help']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^usage: npm run ask/);
  });

  it.each([[['--nope', 'q']], [['--corpus']], [['--corpus', '--json', 'q']], [['--corpus=', 'q']], [['--json=yes', 'q']]])(
    'exits 2 with one newsbot: line on stderr for the bad command line %j',
    async (argv) => {
      const run = await ask(argv);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^newsbot: [^\n]+\n$/);
    },
  );

  it('reads a relative --corpus from the folder npm was started in (INIT_CWD), and names the full path it tried', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-cwd-'));
    writeFileSync(join(dir, 'notes.txt'), 'Harbour notes\n\nThe Night Star ferry is owned by Blue Line Shipping.\n');
    const run = await ask(['--corpus', 'notes.txt', '--json', 'Who owns the ferry?'], '', { env: { INIT_CWD: dir } });
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as Answer).quotes[0]?.documentId).toBe('notes');
    const missing = await ask(['--corpus', 'nope.txt', 'who?'], '', { env: { INIT_CWD: dir } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`newsbot: corpus "${join(dir, 'nope.txt')}" does not exist\n`);
    rmSync(dir, { recursive: true });
  });

  it('exits 1 with one newsbot: line naming the path when the corpus does not exist', async () => {
    const run = await ask(['--corpus', '/no/such/corpus.txt', 'who?']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^newsbot: [^\n]*\/no\/such\/corpus\.txt[^\n]*\n$/);
  });

  it.each([['empty', ''], ['whitespace', ' \t  ']])('refuses an %s question given as an argument with one newsbot: line and exit 2', async (_name, question) => {
    for (const argv of [[question], ['--json', question]]) {
      const run = await ask(argv);
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toMatch(/^newsbot: the question is empty: npm run ask -- "[^"]+" \(or one question per line on stdin\)\n$/);
    }
  });

  it('says when npm took one of its options for itself (no -- before it), and ignores npm\'s own settings', async () => {
    const swallowed = await ask(['who bought Norsat?'], '', { env: { npm_config_json: 'true', npm_lifecycle_event: 'ask' } });
    expect(swallowed).toMatchObject({ code: 2, stdout: '' });
    expect(swallowed.stderr).toBe("newsbot: npm took --json for itself: put newsbot's options after --, as in npm run ask -- --json ...\n");
    const npmSettings = await ask(['--json', 'who bought Norsat?'], '', { env: { npm_config_cache: '/root/.npm', npm_config_yes: '', npm_lifecycle_event: 'ask' } });
    expect(npmSettings).toMatchObject({ code: 0, stderr: '' });
  });

  it('tells a person at a terminal what it waits for when no question is given, then answers each line', async () => {
    const stdout = sink();
    const stderr = sink();
    const stdin = Object.assign(Readable.from(['who bought Norsat?\n']), { isTTY: true });
    expect(await runAsk(['--json'], { stdin, stdout, stderr, env: {} })).toBe(0);
    expect(stderr.text).toBe('newsbot: type a question and press Enter, one per line; Ctrl-D to end (or: npm run ask -- "question")\n');
    expect((JSON.parse(stdout.text) as Answer).question).toBe('who bought Norsat?');
  });

  it.each(BAD_QUESTIONS.filter(([name]) => name !== 'empty' && name !== 'whitespace'))('answers a %s question cleanly in text and JSON', async (_name, question) => {
    const text = await ask([question]);
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout.trim()).not.toBe('');
    expect(text.stdout).not.toMatch(RAW_CONTROL);
    const json = await ask(['--json', question]);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(json.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect((JSON.parse(json.stdout) as Answer).question).toBe(question);
  });

  it('runs as npm runs it: `node scripts/run.mjs src/cli/ask.ts --json` exits 0 with JSON', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    // execFile rejects on a non-zero exit code, so resolving is the exit-0 check.
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/run.mjs', 'src/cli/ask.ts', '--json', 'who bought Norsat?'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
    });
    const answer = JSON.parse(stdout) as Answer;
    expect(answer.question).toBe('who bought Norsat?');
    expect(answer.quotes[0]?.paragraph).toBe((await smokeAnswer()).quotes[0]?.paragraph);
  });
});
