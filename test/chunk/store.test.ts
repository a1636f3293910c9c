import { describe, expect, it } from 'vitest';
import { ChunkStore } from '../../src/chunk/store.js';

describe('ChunkStore.negated', () => {
  it('tells negated tokens by their position in the columns, in any sentence of any paragraph', () => {
    const store = ChunkStore.build([
      { id: 'd', title: 'T', paragraphs: ['The plan covers roads. It does not include bridges.', 'Nothing here.', 'Officials never included tunnels.'] },
    ]);
    const positions = (word: string): number[] => {
      const out: number[] = [];
      for (const chunk of store.all()) {
        const [from] = store.tokensOf(chunk.id, chunk.id + 1);
        chunk.tokens.forEach((token, i) => token.text === word && out.push(from + i));
      }
      return out;
    };
    expect(positions('covers').map((t) => store.negated(t))).toEqual([false]);
    expect(positions('include').map((t) => store.negated(t))).toEqual([true]);
    expect(positions('included').map((t) => store.negated(t))).toEqual([true]);
    expect(positions('Officials').map((t) => store.negated(t))).toEqual([false]);
  });
});

/** Three documents, the middle one without a sentence. */
const threeDocuments = (): ChunkStore =>
  ChunkStore.build([
    { id: 'a', title: 'A', paragraphs: ['One. Two.', 'Three.'] },
    { id: 'b', title: 'B', paragraphs: [] },
    { id: 'c', title: 'C', paragraphs: ['Four. Five.'] },
  ]);

describe('ChunkStore.firstOf', () => {
  it('finds the first sentence of each document, and none for a document without one', () => {
    const store = threeDocuments();
    expect(store.chunk(store.firstOf(0) ?? -1)?.text).toBe('One.');
    expect(store.firstOf(1)).toBeUndefined();
    expect(store.chunk(store.firstOf(2) ?? -1)?.text).toBe('Four.');
    expect(store.firstOf(3)).toBeUndefined();
  });
});

describe('ChunkStore.sentencesOf', () => {
  it('counts the sentences of one document, none for a document without any, and of all documents without one named', () => {
    const store = threeDocuments();
    expect([0, 1, 2, 3].map((d) => store.sentencesOf(d))).toEqual([3, 0, 2, 0]);
    expect(store.sentencesOf()).toBe(store.size);
  });
});
