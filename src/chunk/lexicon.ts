/**
 * Interns words as small integers, so that a million tokens share one copy of
 * each distinct word and can live in typed arrays. Id 0 is the empty string.
 */
export class Lexicon {
  private readonly ids = new Map<string, number>([['', 0]]);
  private readonly list: string[] = [''];

  /** A lexicon holding `words` at their positions (as saved by `words()`); `words[0]` must be `''`. */
  static from(words: readonly string[]): Lexicon {
    const lexicon = new Lexicon();
    for (let i = 1; i < words.length; i++) lexicon.id(words[i] as string);
    return lexicon;
  }

  /** The id of a word, adding it when new. */
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(word, id);
      this.list.push(word);
    }
    return id;
  }

  /** The id of a word, or -1 when the corpus never uses it: it matches no token. */
  find(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  word(id: number): string {
    return this.list[id] ?? '';
  }

  get size(): number {
    return this.list.length;
  }

  /** Every word by id, for saving. */
  words(): readonly string[] {
    return this.list;
  }
}
