import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDocsCorpus } from '../../bench/docs-corpus.js';
import { wordCount } from '../../src/index/corpus-index.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('generateDocsCorpus', () => {
  it('is the same on every run, and reaches the words asked for in uniquely named Markdown files', async () => {
    const a = await generateDocsCorpus(ROOT, { words: 30_000 });
    const b = await generateDocsCorpus(ROOT, { words: 30_000 });
    expect(b.map((f) => [f.name, f.text])).toEqual(a.map((f) => [f.name, f.text]));
    expect(a.reduce((n, f) => n + wordCount(f.document), 0)).toBeGreaterThanOrEqual(30_000);
    expect(new Set(a.map((f) => f.name)).size).toBe(a.length);
    for (const file of a) {
      expect(file.name).toMatch(/^r\d+-\d{5}-[\w.-]+\.md$/);
      expect(file.document.paragraphs.length).toBeGreaterThan(0);
    }
  });

  it('keeps changelog lines whose pull request addresses and commit hashes are read as text, new in every entry', async () => {
    const files = await generateDocsCorpus(ROOT, { words: 30_000 });
    const passages = files.flatMap((f) => f.document.paragraphs);
    const changes = passages.filter((p) => /https:\/\/github\.com\/\S+\/pull\/\d+, commit [0-9a-f]{7}, https:\/\/github\.com\/\S+\/commit\/[0-9a-f]{40}\)$/.test(p));
    expect(changes.length).toBeGreaterThan(files.length);
    const hashes = changes.map((p) => /commit ([0-9a-f]{7})/.exec(p)?.[1]);
    expect(new Set(hashes).size).toBeGreaterThan(0.99 * hashes.length);
  });
});
