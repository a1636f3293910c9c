import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIndex } from '../../src/cli/index.js';
import { DEFAULT_CORPUS } from '../../src/index.js';
import { sink } from '../cli/sink.js';

async function index(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await runIndex(argv, { stdin: Readable.from([]), stdout, stderr, env: {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

let dir: string;
let corpus: string;
const written: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsbot-index-'));
  corpus = join(dir, 'articles');
  await mkdir(corpus);
  await copyFile(join(DEFAULT_CORPUS, 'china-canada-cyber-agreement.txt'), join(corpus, 'china-canada-cyber-agreement.txt'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  // The snapshots went to the project's cache folder, named after the temporary corpus.
  await Promise.all(written.map((file) => rm(file, { force: true })));
});

describe('cli/index', () => {
  it('builds and saves the snapshot, then says it is up to date', async () => {
    const first = await index(['--corpus', corpus]);
    expect(first.code).toBe(0);
    const match = /^indexed 1 document \(\d[\d,]* words in \d+\.\d s\) because there was no snapshot; snapshot: (.*\.snapshot)\n$/.exec(first.stdout);
    expect(match).not.toBeNull();
    written.push(match?.[1] as string);
    // Indexing one article takes well under the second after which progress shows.
    expect(first.stderr).toBe('');
    const second = await index(['--corpus', corpus]);
    expect(second).toEqual({ code: 0, stdout: `snapshot up to date: ${match?.[1]} (1 document)\n`, stderr: '' });
  });

  it('fails with one line for a bad corpus (exit 1) or a bad flag (exit 2)', async () => {
    const missing = await index(['--corpus', join(dir, 'nope')]);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^newsbot: corpus ".*nope" does not exist\n$/);
    const flag = await index(['--fast']);
    expect(flag.code).toBe(2);
    expect(flag.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('runs as npm run index does', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', '--help'], { cwd: root });
    expect(stdout).toMatch(/^usage: npm run index -- \[--corpus PATH\]/);
  });
});
