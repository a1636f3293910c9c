import { LRUCache } from 'lru-cache';
import type { Conversation } from '../types.js';

/** How long and how many conversations the bot remembers. */
export interface ConversationsOptions {
  /** Milliseconds a conversation is kept after its last question. */
  idleMs: number;
  /** Conversations kept at most; past it the least recently used is forgotten. */
  max: number;
}

/**
 * The bot's conversations, bounded in memory: each is forgotten after `idleMs`
 * without a question, and past `max` the least recently used goes first. An
 * LRU cache with a time to live (lru-cache) rather than a map, which would grow
 * with every user and channel ever seen. Keys say whose conversation it is (see
 * `userKey`, `threadKey`, `answerKey`).
 */
export class Conversations {
  private readonly cache: LRUCache<string, Conversation>;

  constructor(options: ConversationsOptions) {
    // Reading a conversation to answer a follow-up is activity: it restarts the idle clock.
    this.cache = new LRUCache<string, Conversation>({ max: options.max, ttl: options.idleMs, updateAgeOnGet: true, ttlAutopurge: false });
  }

  /** The conversation under `key`, or `undefined` when there is none (never started, idle too long, or pushed out). */
  get(key: string): Conversation | undefined {
    return this.cache.get(key);
  }

  set(key: string, conversation: Conversation): void {
    this.cache.set(key, conversation);
  }

  delete(key: string): void {
    this.cache.delete(key);
  }

  /** How many conversations are kept now. */
  get size(): number {
    return this.cache.size;
  }
}

/** One user's conversation in one channel: two people asking in one channel do not lean on each other's questions. */
export function userKey(channelId: string, userId: string): string {
  return `user:${channelId}:${userId}`;
}

/** A thread's conversation, which everyone asking in the thread shares. */
export function threadKey(threadId: string): string {
  return `thread:${threadId}`;
}

/** The conversation as it stood after the `/ask` with this interaction id: what a thread opened on that answer starts from. */
export function answerKey(interactionId: string): string {
  return `answer:${interactionId}`;
}
