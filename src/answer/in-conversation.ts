import type { Answer, Conversation } from '../types.js';
import { ask, askTopic, type AnswerContext, type Scope } from './ask.js';
import { defaultModel } from './default-model.js';
import { resolveFollowUp } from './follow-up/index.js';
import { asksForGist } from './gist.js';
import type { AnswerModel } from './model.js';
import { DEFAULT_ANSWER_OPTIONS, type AnswerOptions } from './options.js';
import { plainQuestion } from './plain-question.js';
import { topicOf } from './request.js';

/**
 * Answers a question asked after the turns of `conversation` (none: on its
 * own). The question is analyzed as its words (`plainQuestion`), a request
 * or a noun phrase typed alone as a topic (*Tell me about Norsat*, *the deal*:
 * answered with the passages that name it, see `askTopic`); a follow-up is read with the previous turns (`resolveFollowUp`),
 * and the answer says how it was understood; a question that goes on from the previous one ranks the
 * neighbourhood of the previous answer's quote higher, by the model's fitted
 * locality prior. The answer keeps the question as asked.
 */
export function askInConversation(
  context: AnswerContext,
  question: string,
  conversation: Conversation | undefined,
  options: AnswerOptions = {},
  scope: Scope = {},
  model: AnswerModel = defaultModel(),
): Answer {
  const maxLength = options.maxQuestionLength ?? DEFAULT_ANSWER_OPTIONS.maxQuestionLength;
  const plain = plainQuestion(question.slice(0, maxLength));
  const resolved = resolveFollowUp(plain, conversation);
  // *Tell me about Norsat*, *the deal*: the topic is what is looked up, and the passages that name it are the answer.
  // Read with the conversation whole (*Tell me more about it*), so a pronoun is put back and a topic takes no frame.
  const answerTo = (text: string, near: Scope): Answer => {
    const topic = asksForGist(text) ? undefined : topicOf(text);
    return topic === undefined ? ask(context, text, options, near, model) : askTopic(context, topic, options, near, model);
  };
  // A question that goes on from the previous one is most often answered near it; a new topic is answered as if alone.
  // The last turn that found a passage: a greeting or an emoji in between found none, and the reading skips it too.
  const previous = [...(conversation?.turns ?? [])].reverse().find((turn) => turn.quote !== undefined)?.quote;
  const document = previous && resolved.continues ? context.documents.findIndex((d) => d.id === previous.documentId) : -1;
  const near = previous && document >= 0 ? { ...scope, near: { document, paragraph: previous.paragraph, start: previous.start } } : scope;
  if (!resolved.changed) return { ...answerTo(plain, near), question };
  // A chain of `after that?` would otherwise grow the reading by the previous one's at every turn.
  const understood = resolved.text.slice(0, maxLength);
  const read = answerTo(understood, { ...near, readIn: wordsPutIn(plain, understood) });
  // The article often goes on about what a follow-up's pronoun refers to with a pronoun of its own (`She is not afraid of
  // death`): the words as asked may find the answer next to the previous one more surely than the names put in their place.
  const asked = resolved.pronouns && previous ? answerTo(plain, near) : undefined;
  const first = asked?.quotes[0];
  const nearby = asked?.answered === true && first !== undefined && first.documentId === previous?.documentId && Math.abs(first.paragraph - previous.paragraph) <= 1;
  const best = nearby && asked && asked.confidence > read.confidence ? asked : read;
  return { ...best, question, understood };
}

/** The words (lower case) of a reading that the question as asked does not have: what the reading put in. */
function wordsPutIn(asked: string, read: string): Set<string> {
  const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const own = new Set(words(asked));
  return new Set(words(read).filter((word) => !own.has(word)));
}
