/** `ask` and `repl` over several corpora: paths, .html files and http(s) addresses (served on 127.0.0.1). */
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAsk } from '../../src/cli/ask.js';
import { runRepl } from '../../src/cli/repl.js';
import type { Answer } from '../../src/index.js';
import { DEFAULT_CORPUS } from '../../src/ingest/load.js';
import { sink } from '../cli/sink.js';
import { ArticleServer } from '../ingest/article-server.js';
import { smokeAnswer } from '../smoke.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../ingest/fixtures/article.html');
const PRIVATE_OK = { ALLOW_PRIVATE_URLS: 'true' };

let web: ArticleServer;
let solarFile: string;
beforeAll(async () => {
  web = await ArticleServer.start();
  web.page('/ferry.txt', { body: 'Council keeps the night ferry\n\nThe night ferry carries about 300 passengers a night, most of them port workers.', type: 'text/plain' });
  const dir = await mkdtemp(join(tmpdir(), 'newsbot-cli-'));
  solarFile = join(dir, 'solar.html');
  await copyFile(FIXTURE, solarFile);
  web.page('/solar', { body: await readFile(FIXTURE, 'utf8') });
});
afterAll(() => web.stop());

async function ask(argv: string[], env: Record<string, string> = {}, input = '') {
  const stdout = sink();
  const stderr = sink();
  const code = await runAsk(argv, { stdin: Readable.from([input]), stdout, stderr, env });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

async function repl(input: string, argv: string[], env: Record<string, string> = {}) {
  const stdout = sink();
  const stderr = sink();
  const code = await runRepl(argv, { stdin: Readable.from([input]), stdout, stderr, env });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('ask with several --corpus', () => {
  it('answers from every corpus given, each quote naming its document, with the web article’s site, date and link', async () => {
    const argv = ['--corpus', DEFAULT_CORPUS, '--corpus', solarFile, '--corpus', web.url('/ferry.txt')];
    const solar = await ask([...argv, 'Who led the design?'], PRIVATE_OK);
    expect(solar.code).toBe(0);
    expect(solar.stdout).toMatch(/^Lena Petrov {2}\(confidence \d+%\)\n\n¶3 · Harbour city opens floating solar farm · by Maria Okafor · The Coastal Ledger · 2024-03-18\n/);
    const ferry = await ask([...argv, '--json', 'How many passengers does the night ferry carry?'], PRIVATE_OK);
    expect((JSON.parse(ferry.stdout) as Answer).quotes[0]?.documentId).toBe('council-keeps-the-night-ferry');
    const norsat = await ask([...argv, 'who bought Norsat?'], PRIVATE_OK);
    expect(norsat.stdout.startsWith((await smokeAnswer()).answer)).toBe(true);
  });

  it('shows a fetched article’s canonical link in its citations', async () => {
    const run = await ask(['--corpus', web.url('/solar'), 'Who led the design?'], PRIVATE_OK);
    expect(run.stdout).toContain(`¶3 · Harbour city opens floating solar farm · by Maria Okafor · The Coastal Ledger · 2024-03-18 · ${web.url('/2024/03/18/floating-solar-farm')}\n`);
  });

  it('asks one document with --document, and names an unknown one', async () => {
    const argv = ['--corpus', DEFAULT_CORPUS, '--corpus', solarFile];
    const scoped = await ask([...argv, '--document', 'solar', '--json', 'who bought Norsat?']);
    const answer = JSON.parse(scoped.stdout) as Answer;
    expect(answer.quotes.every((q) => q.documentId === 'solar')).toBe(true);
    expect(answer.answer).not.toContain('Hytera');
    const unknown = await ask([...argv, '--document', 'nope', 'who?']);
    expect(unknown).toEqual({ code: 1, stdout: '', stderr: 'newsbot: there is no document "nope"; the loaded ones are china-canada-cyber-agreement, solar\n' });
  });

  it('refuses a private address without ALLOW_PRIVATE_URLS, two documents with one id, and an empty --corpus', async () => {
    const private_ = await ask(['--corpus', web.url('/ferry.txt'), 'who?']);
    expect(private_.code).toBe(1);
    expect(private_.stderr).toMatch(/^newsbot: "http:\/\/127\.0\.0\.1:\d+\/ferry\.txt" points to a private, loopback or link-local address; such addresses are refused unless ALLOW_PRIVATE_URLS=true\n$/);
    const twice = await ask(['--corpus', solarFile, '--corpus', solarFile, 'who?']);
    expect(twice.stderr).toMatch(/^newsbot: ".*solar\.html" is given twice\n$/);
    expect((await ask(['--corpus', solarFile, '--corpus=', 'who?'])).code).toBe(2);
  });
});

describe('repl with several --corpus', () => {
  it('lists every document with its source, and narrows questions with :document', async () => {
    const run = await repl(':sources\n:document solar\nwho bought Norsat?\n:document\nwho bought Norsat?\n:document nope\n', ['--corpus', DEFAULT_CORPUS, '--corpus', solarFile]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 documents:');
    expect(run.stdout).toContain('    by Maria Okafor · The Coastal Ledger · 2024-03-18\n');
    const replies = run.stdout.split('\n\n');
    expect(run.stdout).toContain('Questions now go to solar only (Harbour city opens floating solar farm); :document alone for every document.');
    expect(run.stdout).toContain('Questions now go to every document.');
    const { answer } = await smokeAnswer();
    const norsat = replies.filter((reply) => reply.startsWith(answer));
    expect(norsat).toHaveLength(1);
    expect(run.stderr).toBe('newsbot: there is no document "nope"; :sources lists them\n');
  });
});
