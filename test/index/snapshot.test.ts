import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCorpus } from '../../src/index.js';
import { buildIndex, partsOf } from '../../src/index/corpus-index.js';
import { readSnapshot, snapshotMatches, writeSnapshot, type SnapshotKey } from '../../src/index/snapshot.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, writeFile: vi.fn(actual.writeFile) };
});

const KEY: SnapshotKey = { version: 'test', corpus: 'c', options: 'o' };
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'newsbot-snapshot-'));
});
afterEach(async () => {
  vi.mocked(fs.writeFile).mockClear();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('writeSnapshot / readSnapshot', () => {
  it('round-trips the chunk columns and the lexicon', async () => {
    const parts = partsOf(buildIndex(await loadCorpus()).store);
    const file = join(dir, 'a.snapshot');
    await writeSnapshot(file, KEY, parts);
    const read = await readSnapshot(file, KEY);
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') return;
    expect(read.parts.lexicon).toEqual(parts.lexicon);
    expect(read.parts.columns).toEqual(parts.columns);
  });

  it('leaves the old snapshot whole, and no temporary file, when a write dies half-way', async () => {
    const parts = partsOf(buildIndex(await loadCorpus()).store);
    const file = join(dir, 'a.snapshot');
    await writeSnapshot(file, KEY, parts);
    const before = await fs.readFile(file);
    vi.mocked(fs.writeFile).mockImplementationOnce(async (path) => {
      await fs.appendFile(path as string, before.subarray(0, 1000));
      throw new Error('ENOSPC: no space left on device');
    });
    await expect(writeSnapshot(file, { ...KEY, corpus: 'other' }, parts)).rejects.toThrow(/ENOSPC/);
    expect(await fs.readFile(file)).toEqual(before);
    expect(await fs.readdir(dir)).toEqual(['a.snapshot']);
    expect((await readSnapshot(file, KEY)).status).toBe('ok');
  });

  it('removes the temporary files of a writer stopped mid-write long ago, not those of one that may still be writing', async () => {
    const file = join(dir, 'a.snapshot');
    const stopped = `${file}.123.abc.tmp`;
    const writing = `${file}.456.def.tmp`;
    const other = join(dir, 'b.snapshot.789.ghi.tmp');
    for (const path of [stopped, writing, other]) await fs.writeFile(path, 'partial');
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const path of [stopped, other]) await fs.utimes(path, hourAgo, hourAgo);
    await writeSnapshot(file, KEY, partsOf(buildIndex(await loadCorpus()).store));
    expect((await fs.readdir(dir)).sort()).toEqual(['a.snapshot', 'a.snapshot.456.def.tmp', 'b.snapshot.789.ghi.tmp']);
  });

  it('tells a missing snapshot from a stale one', async () => {
    const file = join(dir, 'a.snapshot');
    expect(await readSnapshot(file, KEY)).toEqual({ status: 'missing' });
    await writeSnapshot(file, KEY, partsOf(buildIndex(await loadCorpus()).store));
    expect(await readSnapshot(file, { ...KEY, corpus: 'changed' })).toEqual({ status: 'stale', reason: 'the corpus has changed' });
  });
});

describe('snapshotMatches', () => {
  it('tells from the header alone whether a snapshot was built from a key', async () => {
    const file = join(dir, 'a.snapshot');
    expect(await snapshotMatches(file, KEY)).toBe(false);
    await writeSnapshot(file, KEY, partsOf(buildIndex(await loadCorpus()).store));
    expect(await snapshotMatches(file, KEY)).toBe(true);
    expect(await snapshotMatches(file, { ...KEY, corpus: 'changed' })).toBe(false);
    expect(await snapshotMatches(file, { ...KEY, version: 'other' })).toBe(false);
    // Header only: a damaged payload is for `readSnapshot` to find when it loads the file.
    await fs.truncate(file, (await fs.stat(file)).size - 100);
    expect(await snapshotMatches(file, KEY)).toBe(true);
    expect((await readSnapshot(file, KEY)).status).toBe('corrupt');
  });

  it('says no, without throwing, for a file that is not a snapshot or whose header is damaged', async () => {
    const file = join(dir, 'a.snapshot');
    await fs.writeFile(file, 'not a snapshot');
    expect(await snapshotMatches(file, KEY)).toBe(false);
    await fs.writeFile(file, 'newsbot-snapshot\n{"key": \n');
    expect(await snapshotMatches(file, KEY)).toBe(false);
    expect(await snapshotMatches(dir, KEY)).toBe(false);
  });
});
