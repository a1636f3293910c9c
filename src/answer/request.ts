import { isQuestionWord, parseQuestion } from './question.js';

/**
 * Requests for what the article says about something, typed as a chat bot is
 * asked (*Tell me about Norsat*, *Explain the agreement*, *What do we know
 * about the deal?*): English's ways of asking, not any article's words. Their
 * topic is what to look up; *tell*, *explain* or *know* are not in the article
 * and would only make the question look unanswerable.
 */
const REQUESTS = [
  /^(?:(?:can|could|would|will) you |please )?(?:tell|give) (?:me|us) (?:a bit |something |everything |all |more )?(?:about|on) (.+)$/i,
  /^(?:(?:can|could|would|will) you |please )?(?:explain|describe)(?: to (?:me|us))? (.+)$/i,
  /^what (?:do|does|did) (?:we|you|it|the (?:article|story|text|page)) (?:know|say|tell us|tell me) about (.+)$/i,
  /^(?:(?:some |any |more )?(?:info|information|details)|more) (?:about|on) (.+)$/i,
];

/**
 * The topic of a request (*Norsat* of *Tell me about Norsat, please?*), or
 * `undefined` for anything else, questions included: *What did Scheer tell
 * CTV about the deal?* is a question of its own.
 */
export function requestedTopic(question: string): string | undefined {
  const text = withoutClosingMarks(question).replace(/,? please$/i, '');
  for (const pattern of REQUESTS) {
    const topic = pattern.exec(text)?.[1]?.trim();
    if (topic) return topic;
  }
  return undefined;
}

/** Parts of speech of a noun phrase typed alone (*the deal*, *Norsat*, *cyber attacks on companies*). */
const TOPIC_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'PUNCT', 'CCONJ', 'ADP', 'PART', 'SYM']);

/**
 * What a question asks to be shown, when it asks for a topic rather than a
 * fact: a request's topic, or a noun phrase typed alone, as into a search box
 * (*the deal*, *Norsat?*). `undefined` for a question: one with a question
 * word or a verb asks something of its topic.
 */
export function topicOf(question: string): string | undefined {
  const requested = requestedTopic(question);
  if (requested) return requested;
  const { tokens } = parseQuestion(question);
  // A determiner before an adjective makes it a noun (*the fine*, *the poor*), as the tagger does not.
  const named = tokens.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN') || (tokens[0]?.pos === 'DET' && tokens.some((t) => t.pos === 'ADJ'));
  const phrase = named && tokens.every((t) => TOPIC_POS.has(t.pos) && !isQuestionWord(t.text));
  return phrase ? withoutClosingMarks(question) : undefined;
}

/** The text without the white space around it and the question or exclamation marks and full stops at its end. */
function withoutClosingMarks(text: string): string {
  return text.trim().replace(/[\s?.!]+$/u, '');
}
