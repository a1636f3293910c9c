import type { Answer, Conversation, Turn } from '../types.js';
import { plainQuestion } from './plain-question.js';

/**
 * Turns a conversation remembers. A follow-up leans on the turn before it, and
 * on the ones before that only to tell which of its names is the topic; older
 * turns would only make a new topic look like an old one.
 */
export const MAX_TURNS = 3;

/** A conversation with nothing asked yet. */
export const NEW_CONVERSATION: Conversation = { turns: [] };

/**
 * The conversation after `answer`: its turn added, the oldest beyond
 * `MAX_TURNS` dropped. Pure: the conversation given is left as it was.
 */
export function remember(conversation: Conversation | undefined, answer: Answer): Conversation {
  const first = answer.quotes[0];
  const quote = first && { text: first.text, documentId: first.documentId, paragraph: first.paragraph, start: first.start };
  const turn: Turn = {
    question: answer.question,
    // The next question is read against this one's words, not how it was typed (`**who** bought it?`).
    understood: answer.understood ?? plainQuestion(answer.question),
    answered: answer.answered,
    answer: answer.answered ? answer.answer : '',
    ...(quote ? { quote } : {}),
  };
  return { turns: [...(conversation?.turns ?? []), turn].slice(-MAX_TURNS) };
}
