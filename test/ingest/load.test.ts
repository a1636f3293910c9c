import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS, loadCorpus, NewsbotError } from '../../src/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsbot-load-'));
  await writeFile(join(dir, 'empty.txt'), ' \n\n');
  await writeFile(join(dir, 'title-only.txt'), 'Just a title\n');
  await writeFile(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0x0a]));
  await writeFile(join(dir, 'notes.pdf'), 'T\n\nBody.');
  await mkdir(join(dir, 'folder'));
  await writeFile(join(dir, 'folder', 'b.md'), '# B\n\nSecond.');
  await writeFile(join(dir, 'folder', 'a.txt'), 'A\n\nFirst.');
  await writeFile(join(dir, 'folder', 'ignored.json'), '{}');
  await mkdir(join(dir, 'nothing'));
});

async function failure(path: string): Promise<string> {
  const error = await loadCorpus(path).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(NewsbotError);
  return (error as Error).message;
}

describe('loadCorpus', () => {
  it('loads the bundled article by default, with its title and numbered paragraphs', async () => {
    const [doc] = await loadCorpus();
    expect(doc?.id).toBe('china-canada-cyber-agreement');
    expect(doc?.title).toBe('China, Canada vow not to conduct cyber attacks on private sector');
    expect(doc?.paragraphs[7]).toMatch(/^Ottawa recently allowed Hytera/);
    expect(DEFAULT_CORPUS).toMatch(/corpus$/);
  });

  it('loads every .txt and .md file of a folder in name order, ignoring other files', async () => {
    const docs = await loadCorpus(join(dir, 'folder'));
    expect(docs.map((d) => [d.id, d.title, d.paragraphs])).toEqual([
      ['a', 'A', ['First.']],
      ['b', 'B', ['Second.']],
    ]);
  });

  it('names the path when it does not exist', async () => {
    expect(await failure(join(dir, 'missing.txt'))).toBe(`newsbot: corpus "${join(dir, 'missing.txt')}" does not exist`);
  });

  it('names the file when it is empty or has no paragraph', async () => {
    expect(await failure(join(dir, 'empty.txt'))).toBe('newsbot: file "empty.txt" is empty');
    expect(await failure(join(dir, 'title-only.txt'))).toBe('newsbot: file "title-only.txt" has a title but no paragraphs');
  });

  it('refuses binary content and other file types', async () => {
    expect(await failure(join(dir, 'image.txt'))).toBe('newsbot: file "image.txt" is not text');
    expect(await failure(join(dir, 'notes.pdf'))).toBe('newsbot: file "notes.pdf" is not a .txt, .md or .html file');
  });

  it('refuses a folder without text files', async () => {
    expect(await failure(join(dir, 'nothing'))).toMatch(/^newsbot: folder ".*nothing" holds no \.txt, \.md or \.html file$/);
  });
});
