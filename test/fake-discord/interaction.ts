/**
 * The handle a test gets back from `sendCommand` / `sendComponent` / `sendAutocomplete`: a view over
 * the REST requests the bot made to answer that one interaction (its callback and its webhook).
 */
import { InteractionResponseType, type APIInteraction, type APIMessage, type InteractionType } from 'discord.js';
import type { MessageBody } from './payloads.js';
import { isRecord } from './json.js';
import type { Notifier, Pending, RecordedRequest, WaitOptions } from './recorder.js';

/** Which discord.js call produced a message: `reply`, `update`, `editReply`, `edit` (a follow-up) or `followUp`. */
export type MessageVia = 'reply' | 'update' | 'editReply' | 'edit' | 'followUp';

export interface SentMessage {
  readonly via: MessageVia;
  /** Id of the Discord message this body created or changed. */
  readonly messageId: string;
  /** The message part of the request body (for callbacks: `body.data`). */
  readonly body: MessageBody;
  readonly request: RecordedRequest;
}

export interface InteractionAnswer {
  /** The accepted initial response (POST .../callback). */
  readonly callback: RecordedRequest;
  readonly callbackType: InteractionResponseType;
  /** True for "thinking..." (5) and deferred updates (6). */
  readonly deferred: boolean;
  /** True when the initial response was ephemeral (flag 64). */
  readonly ephemeral: boolean;
  /** Every message body the bot sent for this interaction so far, in order. */
  readonly messages: readonly SentMessage[];
  /** Every accepted request for this interaction so far, in order. */
  readonly requests: readonly RecordedRequest[];
}

/** What the handle needs from the fake; kept narrow so the handle stays a read-only view. */
export interface InteractionHost {
  readonly notifier: Notifier;
  readonly requests: readonly RecordedRequest[];
  message(id: string): APIMessage | undefined;
  describe(): string;
}

export class FakeInteraction {
  readonly id: string;
  readonly token: string;
  readonly type: InteractionType;
  /** The exact INTERACTION_CREATE payload that was dispatched. */
  readonly payload: APIInteraction;
  /** `Date.now()` when it was dispatched; compare with `callback.at` to check the 3-second rule. */
  readonly dispatchedAt: number;

  /** Set by the REST layer when Discord would have accepted the callback. */
  acknowledgedWith: InteractionResponseType | null = null;
  /** The message `@original` refers to, once there is one. */
  originalMessageId: string | null = null;

  readonly #host: InteractionHost;

  constructor(payload: APIInteraction, dispatchedAt: number, host: InteractionHost) {
    this.id = payload.id;
    this.token = payload.token;
    this.type = payload.type;
    this.payload = payload;
    this.dispatchedAt = dispatchedAt;
    this.#host = host;
  }

  /** Every request addressed to this interaction, including rejected and fault-injected ones. */
  allRequests(): RecordedRequest[] {
    return this.#host.requests.filter((r) => r.interactionId === this.id);
  }

  /** Requests Discord would have accepted (2xx), in order. */
  requests(): RecordedRequest[] {
    return this.allRequests().filter((r) => r.status >= 200 && r.status < 300);
  }

  callbacks(): RecordedRequest[] {
    return this.requests().filter((r) => r.route === 'POST /interactions/:id/:token/callback');
  }

  followups(): RecordedRequest[] {
    return this.requests().filter((r) => r.route === 'POST /webhooks/:appId/:token');
  }

  /** Edits of @original and of follow-ups. */
  edits(): RecordedRequest[] {
    return this.requests().filter((r) => r.route === 'PATCH /webhooks/:appId/:token/messages/:messageId');
  }

  /** Every message body the bot produced for this interaction, in order (a bare deferral is not a message). */
  messages(): SentMessage[] {
    return this.requests().flatMap((request) => {
      const sent = this.#toSentMessage(request);
      return sent ? [sent] : [];
    });
  }

  /** The current state of a message of this interaction as the fake stores it (default: @original). */
  message(id: string = '@original'): APIMessage | undefined {
    const resolved = id === '@original' ? this.originalMessageId : id;
    return resolved === null ? undefined : this.#host.message(resolved);
  }

  waitForCallback(options?: WaitOptions): Promise<RecordedRequest> {
    return this.#wait(() => this.callbacks()[0], 'the interaction callback', options);
  }

  /** Resolves once at least `n` accepted requests (callback + webhook calls) were made for this interaction. */
  waitForResponses(n: number, options?: WaitOptions): Promise<RecordedRequest[]> {
    return this.#wait(() => atLeast(this.requests(), n), `${n} accepted request(s)`, options);
  }

  /** Resolves once the bot sent at least `n` message bodies (see {@link messages}). */
  waitForMessages(n: number, options?: WaitOptions): Promise<SentMessage[]> {
    return this.#wait(() => atLeast(this.messages(), n), `${n} message(s)`, options);
  }

  /**
   * Resolves once the interaction is answered from the user's point of view: the callback was
   * accepted and, if it only deferred (5 or 6), a message was then sent via @original edit or follow-up.
   */
  waitForAnswer(options?: WaitOptions): Promise<InteractionAnswer> {
    return this.#wait(() => this.#answer(), 'the interaction to be answered', options);
  }

  #answer(): InteractionAnswer | undefined {
    const callback = this.callbacks()[0];
    if (!callback || !isRecord(callback.body) || typeof callback.body.type !== 'number') return undefined;
    const callbackType = callback.body.type as InteractionResponseType;
    const deferred =
      callbackType === InteractionResponseType.DeferredChannelMessageWithSource ||
      callbackType === InteractionResponseType.DeferredMessageUpdate;
    const messages = this.messages();
    // A deferral is not a message, so any message at all means the deferred answer arrived.
    if (deferred && messages.length === 0) return undefined;
    const data = callback.body.data;
    const flags = isRecord(data) && typeof data.flags === 'number' ? data.flags : 0;
    return { callback, callbackType, deferred, ephemeral: (flags & 64) !== 0, messages, requests: this.requests() };
  }

  #toSentMessage(request: RecordedRequest): SentMessage | undefined {
    if (!isRecord(request.body)) return undefined;
    const responseId = isRecord(request.response) && typeof request.response.id === 'string' ? request.response.id : undefined;
    switch (request.route) {
      case 'POST /interactions/:id/:token/callback': {
        const type = request.body.type;
        const isMessage =
          type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.UpdateMessage;
        if (!isMessage || !isRecord(request.body.data) || this.originalMessageId === null) return undefined;
        return {
          via: type === InteractionResponseType.UpdateMessage ? 'update' : 'reply',
          messageId: this.originalMessageId,
          body: request.body.data as MessageBody,
          request,
        };
      }
      case 'PATCH /webhooks/:appId/:token/messages/:messageId':
        if (responseId === undefined) return undefined;
        return {
          via: request.path.endsWith('/@original') ? 'editReply' : 'edit',
          messageId: responseId,
          body: request.body as MessageBody,
          request,
        };
      case 'POST /webhooks/:appId/:token':
        if (responseId === undefined) return undefined;
        return { via: 'followUp', messageId: responseId, body: request.body as MessageBody, request };
      default:
        return undefined;
    }
  }

  #wait<T>(probe: () => Pending<T>, what: string, options?: WaitOptions): Promise<T> {
    return this.#host.notifier.waitFor(
      probe,
      `${what} of interaction ${this.id}`,
      () => `Requests for this interaction:\n${describe(this.allRequests())}\n${this.#host.describe()}`,
      options,
    );
  }
}

function atLeast<T>(items: T[], n: number): T[] | undefined {
  return items.length >= n ? items : undefined;
}

function describe(requests: readonly RecordedRequest[]): string {
  if (requests.length === 0) return '  (none)';
  return requests.map((r) => `  ${r.method} ${r.route ?? r.path} -> ${r.status}${r.injected ? ' (injected)' : ''}`).join('\n');
}
