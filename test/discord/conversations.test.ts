import { describe, expect, it } from 'vitest';
import { answerKey, Conversations, threadKey, userKey } from '../../src/discord/conversations.js';
import type { Conversation } from '../../src/types.js';

const one: Conversation = { turns: [{ question: 'Who bought the ferry?', understood: 'Who bought the ferry?', answered: true, answer: 'Norvik Marine' }] };

describe('discord/conversations', () => {
  it('forgets a conversation left idle longer than its time to live, and keeps one still in use', async () => {
    const conversations = new Conversations({ idleMs: 80, max: 10 });
    conversations.set('idle', one);
    conversations.set('busy', one);
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      // Reading it to answer a follow-up is activity.
      expect(conversations.get('busy')).toEqual(one);
    }
    expect(conversations.get('idle')).toBeUndefined();
  });

  it('keeps at most max conversations, forgetting the least recently used', () => {
    const conversations = new Conversations({ idleMs: 60_000, max: 2 });
    conversations.set('a', one);
    conversations.set('b', one);
    conversations.get('a');
    conversations.set('c', one);
    expect(conversations.size).toBe(2);
    expect(conversations.get('b')).toBeUndefined();
    expect(conversations.get('a')).toEqual(one);
    conversations.delete('a');
    expect(conversations.get('a')).toBeUndefined();
  });

  it('keys a user per channel, a thread, and an answer apart', () => {
    const keys = [userKey('1', '2'), userKey('1', '3'), userKey('4', '2'), threadKey('1'), answerKey('1')];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
