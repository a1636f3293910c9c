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
