import type { Token } from '../chunk/token.js';
import { ask, type AnswerContext } from './ask.js';

/** Last words that make a name an organisation (`What is ...`) rather than a person (`Who is ...`). */
const ORGANISATION_HEADS = new Set([
  'party', 'inc', 'corp', 'ltd', 'llc', 'plc', 'company', 'group', 'government', 'ministry', 'department', 'university',
  'council', 'committee', 'association', 'agency', 'bank', 'union', 'league', 'club', 'institute', 'organization',
  'organisation', 'court', 'army', 'navy', 'office', 'service', 'network', 'times', 'post', 'news', 'mail', 'international',
]);

/** Names tried before giving up: each costs one `ask`. */
const MAX_TRIES = 30;

/**
 * Example questions the article really answers, for help texts: `Who is X?`
 * (`What is X?` for organisations) about the short names it mentions, in
 * reading order, kept only when the engine answers them with a short description.
 */
export function suggestQuestions(context: AnswerContext, count: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let tries = 0;
  for (const chunk of context.store.all()) {
    for (const name of names(chunk.tokens, chunk.text, chunk.start)) {
      if (out.length >= count || tries >= MAX_TRIES) return out;
      if (seen.has(name)) continue;
      seen.add(name);
      const organisation = ORGANISATION_HEADS.has(name.split(' ').pop()?.toLowerCase() ?? '');
      for (const question of organisation ? [`What is ${name}?`] : [`Who is ${name}?`]) {
        tries++;
        const answer = ask(context, question);
        if (answer.answered && describes(answer.answer, name)) {
          out.push(question);
          break;
        }
      }
    }
  }
  return out;
}

/** A short description that is not part of the name and not a shouted credit line (`REUTERS`). */
function describes(answer: string, name: string): boolean {
  const words = answer.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 6 && !name.includes(answer) && answer !== answer.toUpperCase();
}

/** Runs of two or three proper nouns made of letters only: `Andrew Scheer`, `Norsat International Inc`. */
function names(tokens: readonly Token[], text: string, offset: number): string[] {
  const out: string[] = [];
  let first = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const proper = i < tokens.length && tokens[i]?.pos === 'PROPN' && /^\p{Lu}\p{L}+$/u.test(tokens[i]?.text ?? '');
    // `the United States` is a place, not someone to ask `who is` about.
    if (proper && first === -1 && tokens[i - 1]?.pos !== 'DET') first = i;
    if (!proper && first !== -1) {
      if (i - first >= 2 && i - first <= 3) out.push(text.slice((tokens[first]?.start ?? 0) - offset, (tokens[i - 1]?.end ?? 0) - offset));
      first = -1;
    }
  }
  return out;
}
