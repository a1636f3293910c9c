import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { sink } from './sink.js';
import { runRepl } from '../../src/cli/repl.js';
import { Engine } from '../../src/index.js';
import { smokeCitation } from '../smoke.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}


async function repl(input: string, argv: string[] = []): Promise<Run> {
  const stdout = sink();
  const stderr = sink();
  const code = await runRepl(argv, { stdin: Readable.from([input]), stdout, stderr, env: {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A keyboard at a terminal: raw keys go in, the prompt and answers come out. */
function terminal(): { stdin: PassThrough & { isTTY: boolean; setRawMode: (on: boolean) => void }; stdout: ReturnType<typeof sink> } {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
  const stdout = Object.assign(sink(), { isTTY: true, columns: 100 });
  return { stdin, stdout };
}

describe('cli/repl', () => {
  let paragraph8: string;
  beforeAll(async () => {
    paragraph8 = (await Engine.load()).passage(8).text;
  });

  it('lists the commands for :help', async () => {
    const run = await repl(':help\n');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    for (const command of [':sources', ':passage N', ':help', ':quit']) expect(run.stdout).toContain(command);
  });

  it('lists the loaded documents for :sources', async () => {
    const run = await repl(':sources\n');
    expect(run.stdout).toMatch(/^1 document:\n {2}china-canada-cyber-agreement {2}China, Canada vow/);
  });

  it('shows paragraph 8 verbatim with its citation for :passage 8', async () => {
    const run = await repl(':passage 8\n');
    expect(run.stdout).toContain(`¶8 · China, Canada vow not to conduct cyber attacks on private sector\n  ${paragraph8}\n`);
  });

  it.each([':passage 999', ':passage x', ':passage', ':passage 8 no-such-doc', ':nonsense'])(
    'prints one newsbot: error line for %j and keeps running',
    async (command) => {
      const run = await repl(`${command}\n:passage 1\n`);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/^newsbot: [^\n]+\n$/);
      expect(run.stdout).toMatch(/^¶1 · /);
    },
  );

  it('answers any other line as a question', async () => {
    const run = await repl('who bought Norsat?\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`\n${await smokeCitation()} · `);
  });

  it('answers odd input cleanly without an error', async () => {
    const run = await repl(['?!', '🤔', 'x'.repeat(10_000), '谁收购了Norsat？', 'who \x1b[2J bought?'].join('\n'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.match(/^No answer:|\(confidence \d+%\)$/gm)?.length).toBe(5);
    expect(run.stdout).not.toContain('\x1b');
  });

  it('stops reading at :quit and exits 0', async () => {
    const run = await repl(':quit\nwho bought Norsat?\n');
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 0 at the end of piped input without a prompt', async () => {
    expect(await repl('\n  \n')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 2 with one line for an unknown flag or a stray argument', async () => {
    for (const argv of [['--json'], ['who?']]) {
      const run = await repl('', argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^newsbot: [^\n]+\n$/);
    }
  });

  describe('conversation', () => {
    /** An article of our own, so the follow-ups tested are not an evaluation set's. */
    async function ferryCorpus(): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), 'repl-'));
      const file = join(dir, 'ferry.txt');
      await writeFile(file, [
        'Council sells the Night Star ferry',
        'Norvik Marine bought the Night Star ferry from the Westport council in March.',
        'The harbour authority approved the sale of the Night Star ferry after a long review of its safety record.',
      ].join('\n\n'));
      return file;
    }

    it('reads a follow-up with the question before it and shows how it understood it', async () => {
      const run = await repl('Who bought the Night Star ferry?\nWho approved it?\n', ['--corpus', await ferryCorpus()]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const [first, second] = run.stdout.split('\n\n¶').join('¶').split(/\n\n(?=Understood as)/);
      expect(first).not.toContain('Understood as');
      expect(second).toMatch(/^Understood as: Who approved the Night Star ferry\?\n/);
      expect(second).toContain('¶2 · Council sells the Night Star ferry');
    });

    it('shows what the next question leans on with :context, and :new starts afresh', async () => {
      const run = await repl('Who bought the Night Star ferry?\n:context\n:new\n:context\nWho approved it?\n', ['--corpus', await ferryCorpus()]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/The next question may lean on:\n {2}1\. Who bought the Night Star ferry\?\n {5}→ \S/);
      expect(run.stdout).toContain('New conversation: the next question stands on its own.\n\nNo conversation yet: the next question stands on its own.');
      // After :new the same follow-up has nothing to lean on.
      expect(run.stdout.split('No conversation yet')[1]).not.toContain('Understood as');
    });
  });

  it('exits 1 naming the path when the corpus does not exist', async () => {
    const run = await repl('', ['--corpus', '/no/such/dir']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^newsbot: [^\n]*\/no\/such\/dir[^\n]*\n$/);
  });

  it.each([
    ['Ctrl-C', '\x03'],
    ['Ctrl-D', '\x04'],
  ])('leaves with exit 0 and a newline on %s at a terminal', async (_name, key) => {
    const { stdin, stdout } = terminal();
    const stderr = sink();
    const running = runRepl([], { stdin, stdout, stderr, env: { NO_COLOR: '1' } });
    stdin.write('who bought Norsat?\r');
    stdin.write(key);
    expect(await running).toBe(0);
    expect(stdout.text).toContain('newsbot> ');
    expect(stdout.text).toContain(`\n${await smokeCitation()} · `);
    expect(stdout.text.endsWith('\n')).toBe(true);
    expect(stderr.text).toBe('');
  });
});
