import type { Token } from '../chunk/token.js';
import { isEnglishWord, isPersonNoun } from '../wordnet/related.js';
import { ask, type AnswerContext } from './ask.js';
import { isFirm } from './follow-up/referents.js';

/** Last words that make a name an organisation (`What is ...`) rather than a person (`Who is ...`); a firm's legal form (`Inc`) does too (`isFirm`). */
const ORGANISATION_HEADS = new Set([
  'party', 'company', 'group', 'government', 'ministry', 'department', 'university',
  'council', 'committee', 'association', 'agency', 'bank', 'union', 'league', 'club', 'institute', 'organization',
  'organisation', 'court', 'army', 'navy', 'office', 'service', 'network', 'times', 'post', 'news', 'mail',
]);

/** Questions tried before giving up: each costs one `ask`. */
const MAX_TRIES = 30;

/** Most words of a title asked about (`communist party official` of `senior communist party official Wang Yongqing`). */
const MAX_TITLE_WORDS = 3;

/** A name the article mentions, with the title it gives the name when it gives one (`party leader` of `party leader Andrew Scheer`). */
interface Mention {
  name: string;
  title?: string;
}

/**
 * Example questions the article really answers, for help texts, about the
 * short names it mentions, in reading order: `Who is the party leader?` for a
 * name the article gives a title, kept when the engine answers with that
 * name; otherwise `Who is X?` (`What is X?` for organisations), kept when the
 * engine answers with the words the article puts beside the name (`main
 * opposition` of `main opposition Conservative Party`, or after `X, `). Both
 * checks hold the engine's answer to what its own quote says of the name, so
 * a wrong answer (another name, a broadcaster for a politician) is no example.
 */
export function suggestQuestions(context: AnswerContext, count: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let tries = 0;
  for (const chunk of context.store.all()) {
    for (const { name, title } of mentions(chunk.tokens, chunk.text, chunk.start)) {
      if (out.length >= count || tries >= MAX_TRIES) return out;
      if (seen.has(name)) continue;
      seen.add(name);
      tries++;
      const question = title ? `Who is the ${title}?` : aboutName(name);
      const answer = ask(context, question);
      const quote = answer.quotes[0]?.text ?? '';
      const right = title ? answer.answer === name : describes(answer.answer, name, quote);
      if (answer.answered && right && !out.includes(question)) out.push(question);
    }
  }
  return out;
}

/** `Who is Andrew Scheer?`, `What is the Conservative Party?`, `What is Norsat International Inc?`. */
function aboutName(name: string): string {
  const head = name.split(' ').pop()?.toLowerCase() ?? '';
  // A firm's legal form (`Inc`), or `International`, ends a name said without a *the*.
  if (isFirm(name) || head === 'international') return `What is ${name}?`;
  return ORGANISATION_HEADS.has(head) ? `What is the ${name}?` : `Who is ${name}?`;
}

/** A short description that stands beside the name in the quote, before it or after a comma, and is not a shouted credit line (`REUTERS`). */
function describes(answer: string, name: string, quote: string): boolean {
  const words = answer.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 6 || name.includes(answer) || answer === answer.toUpperCase()) return false;
  return quote.toLowerCase().includes(`${answer} ${name}`.toLowerCase()) || [`${name}, `, `${name}, the `, `${name}, a `, `${name}, an `].some((before) => quote.includes(`${before}${answer}`));
}

/**
 * Runs of two or three proper nouns made of letters only (`Andrew Scheer`, `Norsat International Inc`), each with the
 * lower-case words before it that end in a noun WordNet first knows as a person's (`party leader`), its title.
 */
function mentions(tokens: readonly Token[], text: string, offset: number): Mention[] {
  const out: Mention[] = [];
  let first = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const proper = i < tokens.length && tokens[i]?.pos === 'PROPN' && /^\p{Lu}\p{L}+$/u.test(tokens[i]?.text ?? '');
    // `the United States` is a place, not someone to ask `who is` about.
    if (proper && first === -1 && tokens[i - 1]?.pos !== 'DET') first = i;
    if (!proper && first !== -1) {
      if (i - first >= 2 && i - first <= 3) {
        const name = text.slice((tokens[first]?.start ?? 0) - offset, (tokens[i - 1]?.end ?? 0) - offset);
        const title = titleBefore(tokens, first, text, offset);
        out.push(title ? { name, title } : { name });
      }
      first = -1;
    }
  }
  return out;
}

/** The title before token `at`, lower case (`harbour master` of a sentence that opens `Harbour master Leif Sandvik`). */
function titleBefore(tokens: readonly Token[], at: number, text: string, offset: number): string | undefined {
  // A title's words are nouns and adjectives in lower case; the first word of a sentence is capitalized, and the tagger
  // often takes it for a name (`Harbour` of `Harbour master Leif Sandvik`): a word of English there, not a name (`Norsat chief`).
  const titleWord = (i: number): boolean => {
    const token = tokens[i];
    if (!token) return false;
    if (i > 0) return (token.pos === 'NOUN' || token.pos === 'ADJ') && /^\p{Ll}+$/u.test(token.text);
    return /^\p{Lu}\p{Ll}*$/u.test(token.text) && (token.pos === 'NOUN' || token.pos === 'ADJ' || (token.pos === 'PROPN' && isEnglishWord(token.text.toLowerCase())));
  };
  const last = tokens[at - 1];
  if (!last || last.pos !== 'NOUN' || !titleWord(at - 1) || !isPersonNoun(last.term)) return undefined;
  let from = at - 1;
  while (from > at - MAX_TITLE_WORDS && titleWord(from - 1)) from--;
  return text.slice((tokens[from]?.start ?? 0) - offset, last.end - offset).toLowerCase();
}
