import { describe, expect, it } from 'vitest';
import { doers, isGroupNoun, isKindOf, isNamedPlaceOrBody, isPersonNoun, isPlaceNoun, isTimeNoun, isUsualSense, relatedWords, type Relation } from '../../src/wordnet/related.js';

const wordsOf = (relations: readonly Relation[]): string[] => [...new Set(relations.map((r) => r.word))];
const usualWords = (relations: readonly Relation[]): string[] => wordsOf(relations.filter(isUsualSense));

describe('relatedWords', () => {
  it('relates newspaper to paper and story to report, through senses they share', () => {
    expect(wordsOf(relatedWords('newspaper', 'noun').synonyms)).toContain('paper');
    expect(wordsOf(relatedWords('story', 'noun').synonyms)).toContain('report');
    expect(wordsOf(relatedWords('newspaper', 'noun').synonyms)).not.toContain('newspaper');
  });

  it('gives the opposites of leave out: include, its most usual sense’s kinds encompass and cover', () => {
    const { opposites } = relatedWords('leave_out', 'verb');
    expect(wordsOf(opposites)).toEqual(expect.arrayContaining(['include', 'encompass', 'cover', 'contain']));
    expect(wordsOf(relatedWords('exclude', 'verb').opposites)).toContain('encompass');
  });

  it('keeps only multi-sense words’ usual senses: paper and report yes, drop for omit no', () => {
    expect(usualWords(relatedWords('newspaper', 'noun').synonyms)).toContain('paper');
    expect(usualWords(relatedWords('story', 'noun').synonyms)).toContain('report');
    const leaveOut = relatedWords('leave_out', 'verb').synonyms;
    expect(wordsOf(leaveOut)).toContain('drop');
    expect(usualWords(leaveOut)).not.toContain('drop');
  });

  it('skips multi-word synonyms and relates nothing to a word WordNet lacks', () => {
    expect(wordsOf(relatedWords('leave_out', 'verb').synonyms).filter((word) => word.includes('_'))).toEqual([]);
    expect(relatedWords('zzzzqx', 'noun')).toEqual({ synonyms: [], opposites: [] });
  });
});

describe('doers', () => {
  it('gives the titles of people in charge for a verb of being in charge: who runs, leads or chairs a body', () => {
    for (const verb of ['run', 'lead', 'chair', 'manage']) {
      expect(wordsOf(doers(verb))).toEqual(expect.arrayContaining(['executive', 'chairwoman', 'director', 'chief', 'president']));
    }
  });

  it('gives the person noun formed on the verb, and no titles for a verb not of being in charge', () => {
    expect(wordsOf(doers('own'))).toEqual(['owner']);
    expect(wordsOf(doers('found'))).toEqual(['founder']);
    expect(wordsOf(doers('lead'))).toContain('leader');
    expect(wordsOf(doers('allow'))).not.toContain('executive');
  });

  it('leaves out titles in rarer senses, the people WordNet files under them, and a word WordNet lacks', () => {
    // A model and a primate lead only in rare senses; John L. Lewis is an instance of a labour leader.
    expect(wordsOf(doers('run'))).not.toContain('model');
    expect(wordsOf(doers('run'))).not.toContain('primate');
    expect(wordsOf(doers('lead'))).not.toContain('lewis');
    expect(wordsOf(doers('help'))).not.toContain('secretary');
    expect(doers('zzzzqx')).toEqual([]);
  });
});

describe('isKindOf', () => {
  it('finds what a noun is a kind or an instance of, some steps up: basalt a rock, the Danube a river, New York a city', () => {
    expect(isKindOf('basalt', 'rock')).toBe(true);
    expect(isKindOf('danube', 'river')).toBe(true);
    expect(isKindOf('new_york', 'city')).toBe(true);
  });

  it('says no for an unrelated kind, the noun itself and a word WordNet lacks', () => {
    expect(isKindOf('cat', 'river')).toBe(false);
    expect(isKindOf('rock', 'rock')).toBe(false);
    expect(isKindOf('zzzzqx', 'rock')).toBe(false);
  });
});

describe('isNamedPlaceOrBody', () => {
  it('says yes for a country, a city and a name of several words that WordNet knows as places', () => {
    expect(isNamedPlaceOrBody('norway')).toBe(true);
    expect(isNamedPlaceOrBody('paris')).toBe(true);
    expect(isNamedPlaceOrBody('united_states')).toBe(true);
  });

  it('says no for a name that is also a person\'s, a common noun that is a place, and a name WordNet lacks', () => {
    expect(isNamedPlaceOrBody('washington')).toBe(false);
    expect(isNamedPlaceOrBody('bush')).toBe(false);
    expect(isNamedPlaceOrBody('zzzzqx')).toBe(false);
  });
});

describe('isTimeNoun', () => {
  it('says yes for nouns that say when: periods, epochs, units of time and wars', () => {
    for (const noun of ['century', 'summer', 'renaissance', 'miocene', 'week', 'war']) expect(isTimeNoun(noun), noun).toBe(true);
  });

  it('says no for an act, a thing, a firm and a word WordNet lacks', () => {
    for (const noun of ['communication', 'merger', 'ferry', 'firm', 'zzzzqx']) expect(isTimeNoun(noun), noun).toBe(false);
  });
});

describe('isPersonNoun', () => {
  it('says yes for nouns whose first sense is a kind of person', () => {
    expect(isPersonNoun('minister')).toBe(true);
    expect(isPersonNoun('spokesman')).toBe(true);
    expect(isPersonNoun('thief')).toBe(true);
  });

  it('says no for a body, a thing, a word WordNet lacks, and a noun that names a person in a rarer sense only', () => {
    expect(isPersonNoun('council')).toBe(false);
    expect(isPersonNoun('report')).toBe(false);
    expect(isPersonNoun('zzzzqx')).toBe(false);
    // A party is a litigant in a rarer sense.
    expect(isPersonNoun('party')).toBe(false);
  });
});

describe('isGroupNoun', () => {
  it('says yes for nouns whose first sense is a group: the last word of a body\'s name', () => {
    expect(isGroupNoun('commission')).toBe(true);
    expect(isGroupNoun('party')).toBe(true);
    expect(isGroupNoun('court')).toBe(true);
  });

  it('says no for a person, a thing or an act in its first sense, and for a word WordNet lacks', () => {
    expect(isGroupNoun('minister')).toBe(false);
    // A shrub first, a surname often: no body.
    expect(isGroupNoun('bush')).toBe(false);
    expect(isGroupNoun('survey')).toBe(false);
    expect(isGroupNoun('zzzzqx')).toBe(false);
  });
});

describe('isPlaceNoun', () => {
  it('says yes for nouns whose first sense is a place: the last word of a place\'s or a club\'s name', () => {
    expect(isPlaceNoun('town')).toBe(true);
    expect(isPlaceNoun('county')).toBe(true);
  });

  it('says no for a person, a thing or a group in its first sense, and for a word WordNet lacks', () => {
    expect(isPlaceNoun('smith')).toBe(false);
    // A cart first, a surname often: no place.
    expect(isPlaceNoun('barrow')).toBe(false);
    expect(isPlaceNoun('party')).toBe(false);
    expect(isPlaceNoun('zzzzqx')).toBe(false);
  });
});
