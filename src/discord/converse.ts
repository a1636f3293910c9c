import { remember } from '../answer/conversation.js';
import type { AskOptions, Engine } from '../engine.js';
import type { Answer, Conversation } from '../types.js';
import type { Conversations } from './conversations.js';
import { withoutMarkup } from './markup.js';

/**
 * Asks a question in the conversation kept under `key`, and keeps the
 * conversation with this turn added. `fresh`: start over, as `/ask new:true`
 * does. Returns the answer and the conversation it ended.
 */
export function askInConversation(
  engine: Engine,
  conversations: Conversations,
  key: string,
  question: string,
  options: { fresh?: boolean; scope?: Omit<AskOptions, 'conversation'> } = {},
): { answer: Answer; conversation: Conversation } {
  const before = options.fresh ? undefined : conversations.get(key);
  const asked = engine.ask(withoutMarkup(question), { ...options.scope, ...(before ? { conversation: before } : {}) });
  // The conversation remembers the question as read; the reply quotes it as typed.
  const conversation = remember(before, asked);
  const answer = { ...asked, question };
  conversations.set(key, conversation);
  return { answer, conversation };
}
