/**
 * Everything the fake Discord remembers, shared by the REST and gateway halves: the world (bot,
 * guilds), every REST request, dispatched interactions, messages the bot created, and registered
 * application commands.
 */
import type { APIApplicationCommand, APIMessage, APIThreadChannel } from 'discord.js';
import type { FakeInteraction } from './interaction.js';
import type { World } from './payloads.js';
import { Notifier, type RecordedRequest } from './recorder.js';

export interface StoredMessage {
  message: APIMessage;
  /** The interaction whose webhook owns this message; null for messages a test injected. */
  readonly interactionId: string | null;
}

export class FakeState {
  readonly notifier = new Notifier();
  readonly requests: RecordedRequest[] = [];
  readonly interactions = new Map<string, FakeInteraction>();
  readonly messages = new Map<string, StoredMessage>();
  /** Registered commands; key `global` or a guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  /** Threads the bot started, by id (the id of the message each was started on). */
  readonly threads = new Map<string, APIThreadChannel>();

  constructor(readonly world: World) {}

  interactionByToken(token: string): FakeInteraction | undefined {
    for (const interaction of this.interactions.values()) if (interaction.token === token) return interaction;
    return undefined;
  }

  record(request: RecordedRequest): void {
    this.requests.push(request);
    this.notifier.notify();
  }

  /** Finds a command the bot registered under this name (guild first, like Discord's client does). */
  registeredCommand(name: string, guildId: string | null): APIApplicationCommand | undefined {
    const scopes = guildId ? [guildId, 'global'] : ['global'];
    for (const scope of scopes) {
      const found = this.commands.get(scope)?.find((command) => command.name === name);
      if (found) return found;
    }
    return undefined;
  }
}
