/**
 * The fake Discord, exercised by the real discord.js Client: if these pass, end-to-end tests of the
 * bot can trust that what the fake records is what discord.js really sends to Discord.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  type Interaction,
  type Message,
  type ThreadChannel,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord, faults, routes } from './server.js';

const TOKEN = 'fake-token-for-tests';
const GUILD_ID = '1300000000000000777';
const USER_ID = '1300000000000000888';

let fake: FakeDiscord;
let clients: Client[] = [];

beforeEach(async () => {
  fake = await FakeDiscord.start({ guilds: [{ id: GUILD_ID, name: 'Test Guild' }], botToken: TOKEN });
});

afterEach(async () => {
  await Promise.all(clients.map((client) => client.destroy()));
  clients = [];
  await fake.stop();
});

/** Logs a real discord.js client in to the fake and waits until it is fully ready (guilds received). */
async function startBot(token = TOKEN, intents: GatewayIntentBits[] = [GatewayIntentBits.Guilds]): Promise<Client> {
  const client = new Client({ intents, rest: { api: fake.restUrl } });
  clients.push(client);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  return client;
}

/** Runs `handler` on the next interaction the client receives; resolves when it finished (rejects if it threw). */
function onNextInteraction(client: Client, handler: (interaction: Interaction) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(resolve, reject);
    });
  });
}

describe('FakeDiscord with the real discord.js Client', () => {
  it('logs in: GET /gateway/bot with the bot token, IDENTIFY with the intents, READY and the guild', async () => {
    const client = await startBot();

    expect(client.user?.id).toBe(fake.applicationId);
    expect(client.user?.bot).toBe(true);
    const guild = client.guilds.cache.get(GUILD_ID);
    expect(guild?.name).toBe('Test Guild');
    expect(guild?.available).toBe(true);
    expect(guild?.members.me?.id).toBe(fake.applicationId);
    expect(guild?.channels.cache.map((c) => c.name)).toEqual(['general']);

    expect(fake.identifyCount).toBe(1);
    expect(fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds);
    expect(fake.identifies[0]?.token).toBe(TOKEN);
    expect(fake.gatewayConnections[0]?.query).toEqual({ v: '10', encoding: 'json' });

    const gatewayBot = fake.requests.find((r) => r.route === 'GET /gateway/bot');
    expect(gatewayBot?.authorization).toBe(`Bot ${TOKEN}`);
    expect(gatewayBot?.headers.authorization).toBe('[redacted]');
    // The token never leaks into anything a test might print.
    expect(JSON.stringify(fake.requests)).not.toContain(TOKEN);
    expect(JSON.stringify(fake.identifies)).not.toContain(TOKEN);
    expect(JSON.stringify(fake.gatewayFrames)).not.toContain(TOKEN);
  });

  it('delivers a slash command with its options and records reply() as a type 4 callback', async () => {
    const client = await startBot();
    let seen: unknown;
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error(`expected a chat input command, got type ${interaction.type}`);
      seen = {
        command: interaction.commandName,
        question: interaction.options.getString('question', true),
        limit: interaction.options.getInteger('limit'),
        guildId: interaction.guildId,
        channel: interaction.channel?.id,
        user: interaction.user.id,
        member: interaction.member?.user.id,
      };
      await interaction.reply({ content: 'Two sources agree.', allowedMentions: { parse: [] } });
    });

    const interaction = await fake.sendCommand({
      name: 'ask',
      options: [
        { name: 'question', type: 3, value: 'Who won?' },
        { name: 'limit', type: 4, value: 3 },
      ],
      userId: USER_ID,
    });
    await handled;

    expect(seen).toEqual({
      command: 'ask',
      question: 'Who won?',
      limit: 3,
      guildId: GUILD_ID,
      channel: fake.guilds[0]?.channels[0]?.id,
      user: USER_ID,
      member: USER_ID,
    });
    const answer = await interaction.waitForAnswer();
    expect(answer.callback.body).toEqual({
      type: 4,
      data: expect.objectContaining({ content: 'Two sources agree.', allowed_mentions: { parse: [] } }),
    });
    expect(answer.callback.path).toBe(`/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(answer.callback.status).toBe(204);
    // Interaction callbacks are authenticated by the token in the URL, not the bot token.
    expect(answer.callback.authorization).toBeUndefined();
    expect(answer.deferred).toBe(false);
    expect(answer.messages.map((m) => [m.via, m.body.content])).toEqual([['reply', 'Two sources agree.']]);
    expect(interaction.message()?.content).toBe('Two sources agree.');
  });

  it('records deferReply() as type 5 and editReply() as a PATCH of @original', async () => {
    const client = await startBot();
    let edited: string | undefined;
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.deferReply();
      const message = await interaction.editReply({ content: 'Here is the answer.' });
      edited = message.content;
    });

    const interaction = await fake.sendCommand({ name: 'ask' });
    const answer = await interaction.waitForAnswer();
    await handled;

    expect(answer.deferred).toBe(true);
    expect(answer.callback.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(answer.requests.map((r) => `${r.method} ${r.path.replace(interaction.token, ':token')}`)).toEqual([
      `POST /interactions/${interaction.id}/:token/callback`,
      `PATCH /webhooks/${fake.applicationId}/:token/messages/@original`,
    ]);
    expect(answer.messages.map((m) => [m.via, m.body.content])).toEqual([['editReply', 'Here is the answer.']]);
    // discord.js built a Message from the fake's response.
    expect(edited).toBe('Here is the answer.');
    expect(interaction.message()).toMatchObject({ content: 'Here is the answer.', flags: 0, edited_timestamp: null });
  });

  it('records followUp() as a POST to the interaction webhook', async () => {
    const client = await startBot();
    let followUpId: string | undefined;
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ content: 'Short answer.' });
      const message = await interaction.followUp({ content: 'Sources: [1] [2]' });
      followUpId = message.id;
    });

    const interaction = await fake.sendCommand({ name: 'ask' });
    const messages = await interaction.waitForMessages(2);
    await handled;

    expect(messages.map((m) => [m.via, m.body.content])).toEqual([
      ['reply', 'Short answer.'],
      ['followUp', 'Sources: [1] [2]'],
    ]);
    const [followUp] = interaction.followups();
    expect(followUp?.query).toMatchObject({ wait: 'true' });
    expect(messages[1]?.messageId).toBe(followUpId);
    expect(fake.message(followUpId ?? '')?.content).toBe('Sources: [1] [2]');
  });

  it('delivers a button click and records update()', async () => {
    const client = await startBot();
    let seen: unknown;
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      seen = { customId: interaction.customId, messageId: interaction.message.id, author: interaction.message.author.id };
      await interaction.update({ content: 'Page 2', components: [] });
    });

    const interaction = await fake.sendComponent({ customId: 'page:2', message: { id: '1300000000000000999' } });
    const answer = await interaction.waitForAnswer();
    await handled;

    expect(seen).toEqual({ customId: 'page:2', messageId: '1300000000000000999', author: fake.applicationId });
    expect(answer.callback.body).toEqual({ type: 7, data: expect.objectContaining({ content: 'Page 2', components: [] }) });
    expect(answer.messages.map((m) => [m.via, m.messageId])).toEqual([['update', '1300000000000000999']]);
    expect(fake.message('1300000000000000999')?.content).toBe('Page 2');
  });

  it('clicks a button on a message the bot sent and records an ephemeral reply (flags 64)', async () => {
    const client = await startBot();
    client.on(Events.InteractionCreate, (interaction) => {
      void (async () => {
        if (interaction.isChatInputCommand()) {
          const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId('sources').setLabel('Sources').setStyle(ButtonStyle.Secondary),
          );
          await interaction.reply({ content: 'Answer', components: [row] });
        } else if (interaction.isButton()) {
          await interaction.reply({ content: `Only you can see the ${interaction.customId}.`, flags: MessageFlags.Ephemeral });
        }
      })();
    });

    const command = await fake.sendCommand({ name: 'ask' });
    const [reply] = (await command.waitForAnswer()).messages;
    expect(reply?.body.components).toEqual([
      { type: 1, components: [{ type: 2, custom_id: 'sources', label: 'Sources', style: ButtonStyle.Secondary }] },
    ]);

    const click = await fake.sendComponent({ customId: 'sources', messageId: reply?.messageId ?? '' });
    const answer = await click.waitForAnswer();
    expect(answer.callback.body).toEqual({
      type: 4,
      data: expect.objectContaining({ content: 'Only you can see the sources.', flags: MessageFlags.Ephemeral }),
    });
    expect(answer.ephemeral).toBe(true);
    expect(click.payload.message?.id).toBe(reply?.messageId);
  });

  it('answers autocomplete and records the choices (type 8)', async () => {
    const client = await startBot();
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      const typed = interaction.options.getFocused();
      await interaction.respond([{ name: `${typed} (latest)`, value: typed }]);
    });

    const interaction = await fake.sendAutocomplete({ name: 'ask', focused: { name: 'topic', value: 'elec' } });
    const callback = await interaction.waitForCallback();
    await handled;

    expect(callback.body).toEqual({ type: 8, data: { choices: [{ name: 'elec (latest)', value: 'elec' }] } });
  });

  it('records application command registration and uses the registered id for later commands', async () => {
    const client = await startBot();
    const body = [
      {
        name: 'ask',
        description: 'Ask a question about the news',
        options: [{ name: 'question', description: 'Your question', type: 3, required: true }],
      },
    ];

    const result = (await client.rest.put(Routes.applicationGuildCommands(fake.applicationId, GUILD_ID), { body })) as Array<{ id: string; name: string }>;

    const put = fake.requests.find((r) => r.route === 'PUT /applications/:appId/guilds/:guildId/commands');
    expect(put?.body).toEqual(body);
    expect(put?.authorization).toBe(`Bot ${TOKEN}`);
    expect(result).toEqual([expect.objectContaining({ name: 'ask', id: expect.stringMatching(/^\d+$/) })]);
    expect(fake.commands(GUILD_ID).map((c) => c.name)).toEqual(['ask']);

    let commandId: string | undefined;
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      commandId = interaction.commandId;
      await interaction.reply({ content: 'ok' });
    });
    await fake.sendCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: 'x' }] });
    await handled;
    expect(commandId).toBe(result[0]?.id);
  });

  it('rejects invalid command registrations like Discord does (400, code 50035)', async () => {
    const client = await startBot();
    const body = [{ name: 'Ask', description: '' }];
    const error = await client.rest.put(Routes.applicationCommands(fake.applicationId), { body }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 400, code: 50035 });
  });

  it('waits out an injected 429 and still delivers the reply', async () => {
    const client = await startBot();
    fake.failNext(routes.callback(), faults.rateLimited(0.2));
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ content: 'Eventually.' });
    });

    const interaction = await fake.sendCommand({ name: 'ask' });
    const answer = await interaction.waitForAnswer();
    await handled;

    const attempts = interaction.allRequests();
    expect(attempts.map((r) => [r.status, r.injected])).toEqual([
      [429, true],
      [204, false],
    ]);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(200);
    expect(answer.messages.map((m) => m.body.content)).toEqual(['Eventually.']);
  });

  it('lets discord.js retry an injected 500 and surfaces an injected 10062 as DiscordAPIError', async () => {
    const client = await startBot();
    fake.failNext(routes.editOriginal(), faults.serverError());
    const slowHandled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.deferReply();
      await interaction.editReply({ content: 'after a retry' });
    });
    const slow = await fake.sendCommand({ name: 'slow' });
    const answer = await slow.waitForAnswer();
    await slowHandled;
    expect(slow.allRequests().map((r) => r.status)).toEqual([204, 500, 200]);
    expect(answer.messages.map((m) => m.body.content)).toEqual(['after a retry']);

    fake.failNext(routes.callback(), faults.unknownInteraction());
    let replyError: unknown;
    const lateHandled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      replyError = await interaction.reply({ content: 'too late' }).catch((e: unknown) => e);
    });
    const late = await fake.sendCommand({ name: 'late' });
    await lateHandled;
    expect(replyError).toBeInstanceOf(DiscordAPIError);
    expect(replyError).toMatchObject({ status: 404, code: 10062 });
    expect(late.allRequests().map((r) => [r.status, r.injected])).toEqual([[404, true]]);
    expect(late.callbacks()).toEqual([]);
  });

  it('enforces message limits (content over 2000 characters is a 400)', async () => {
    const client = await startBot();
    let replyError: unknown;
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      replyError = await interaction.reply({ content: 'x'.repeat(2001) }).catch((e: unknown) => e);
    });
    const interaction = await fake.sendCommand({ name: 'ask' });
    await handled;
    expect(replyError).toMatchObject({ status: 400, code: 50035 });
    expect(interaction.allRequests()[0]?.response).toMatchObject({ errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } });
    expect(interaction.callbacks()).toEqual([]);
  });

  it('parses multipart replies (payload_json + files)', async () => {
    const client = await startBot();
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ content: 'See attached.', files: [{ attachment: Buffer.from('a,b\n1,2\n'), name: 'sources.csv' }] });
    });
    const interaction = await fake.sendCommand({ name: 'ask' });
    const callback = await interaction.waitForCallback();
    await handled;
    // discord.js describes each upload in payload_json and sends the bytes as files[n].
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'See attached.', attachments: [{ id: '0' }] } });
    expect(callback.files).toEqual([expect.objectContaining({ field: 'files[0]', name: 'sources.csv', size: 8 })]);
    expect(interaction.message()?.attachments.map((a) => a.filename)).toEqual(['sources.csv']);
  });

  it('supports withResponse, fetchReply and deleteReply on @original', async () => {
    const client = await startBot();
    let seen: unknown;
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      const response = await interaction.reply({ content: 'first', withResponse: true });
      const fetched = await interaction.fetchReply();
      await interaction.deleteReply();
      seen = { fromCallback: response.resource?.message?.content, fetched: fetched.content, same: fetched.id === response.resource?.message?.id };
    });
    const interaction = await fake.sendCommand({ name: 'ask' });
    await handled;
    expect(seen).toEqual({ fromCallback: 'first', fetched: 'first', same: true });
    expect(interaction.callbacks()[0]?.query).toEqual({ with_response: 'true' });
    expect(interaction.requests().map((r) => r.route)).toEqual([
      'POST /interactions/:id/:token/callback',
      'GET /webhooks/:appId/:token/messages/:messageId',
      'DELETE /webhooks/:appId/:token/messages/:messageId',
    ]);
    expect(interaction.message()).toBeUndefined();
  });

  it('delivers DM interactions (user instead of member) and serves /applications/@me', async () => {
    const client = await startBot();
    let seen: unknown;
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      seen = { guild: interaction.guildId, member: interaction.member, user: interaction.user.id, channel: interaction.channel };
      await interaction.reply({ content: 'hi in DM' });
    });
    await fake.sendCommand({ name: 'ask', guildId: null, userId: USER_ID });
    await handled;
    // As with real Discord, discord.js only materialises DM channels when Partials.Channel is enabled.
    expect(seen).toEqual({ guild: null, member: null, user: USER_ID, channel: null });

    const application = await client.application?.fetch();
    expect(application?.id).toBe(fake.applicationId);
  });

  it('acknowledges heartbeats (op 1 -> op 11)', async () => {
    await fake.stop();
    fake = await FakeDiscord.start({ guilds: [{ id: GUILD_ID, name: 'Test Guild' }], heartbeatIntervalMs: 20 });
    const client = await startBot();
    await fake.waitFor(() => fake.heartbeatCount >= 3, 'three heartbeats');
    // discord.js treats a heartbeat without ACK as a zombie connection and reconnects; it did not.
    expect(fake.gatewayConnections).toHaveLength(1);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it('records unknown routes as 404 and rejects a wrong bot token', async () => {
    const client = await startBot();
    const error = await client.rest.get('/channels/123/pins').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 0 });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/channels/123/pins', route: null, status: 404 });

    const intruder = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restUrl } });
    clients.push(intruder);
    await expect(intruder.login('not-the-token')).rejects.toThrow(/token/i);
    expect(fake.identifyCount).toBe(1);
  });

  it('shards: each client gets its own guilds and only the interactions of those guilds', async () => {
    await fake.stop();
    // Guild ids whose timestamps differ by one: (id >> 22) % 2 puts them on shards 0 and 1.
    const onShard = (shard: number) => ((1_300_000_000_000n + BigInt(shard)) << 22n).toString();
    fake = await FakeDiscord.start({
      guilds: [{ id: onShard(0), name: 'Even' }, { id: onShard(1), name: 'Odd' }],
      botToken: TOKEN,
      shards: 2,
      maxConcurrency: 2,
    });
    const shards = [0, 1].map((id) => new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restUrl }, shards: id, shardCount: 2 }));
    clients.push(...shards);
    await Promise.all(shards.map(async (client) => {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(TOKEN);
      await ready;
    }));
    await fake.waitForReady();

    expect(fake.identifies.map((i) => i.shard).sort()).toEqual([[0, 2], [1, 2]]);
    expect(shards.map((client) => [...client.guilds.cache.keys()])).toEqual([[onShard(0)], [onShard(1)]]);
    const seenBy: number[] = [];
    shards.forEach((client, id) => client.on(Events.InteractionCreate, (interaction) => {
      seenBy.push(id);
      if (interaction.isChatInputCommand()) void interaction.reply({ content: `shard ${id}` });
    }));
    const odd = await fake.sendCommand({ name: 'ask', guildId: onShard(1) });
    const even = await fake.sendCommand({ name: 'ask', guildId: onShard(0) });
    expect((await odd.waitForAnswer()).messages[0]?.body.content).toBe('shard 1');
    expect((await even.waitForAnswer()).messages[0]?.body.content).toBe('shard 0');
    expect(seenBy).toEqual([1, 0]);
  });

  describe('gateway faults', () => {
    it('resumes after the gateway closes with 4000 and replays a command sent while disconnected', async () => {
      const client = await startBot();
      const sessionsBefore = fake.identifyCount;
      await fake.closeGateway(4000);

      const handled = onNextInteraction(client, async (interaction) => {
        if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
        await interaction.reply({ content: 'still here' });
      });
      // Sent while the bot is reconnecting: only logged now, delivered by the RESUME replay.
      const interaction = await fake.sendCommand({ name: 'ask' });
      await fake.waitFor(() => fake.resumeCount === 1, 'a RESUME');
      const answer = await interaction.waitForAnswer();
      await handled;

      expect(answer.messages.map((m) => m.body.content)).toEqual(['still here']);
      expect(fake.identifyCount).toBe(sessionsBefore);
    });

    it('resumes after op 7 RECONNECT and keeps serving interactions', async () => {
      const client = await startBot();
      fake.sendReconnect();
      await fake.waitFor(() => fake.resumeCount === 1, 'a RESUME');
      await fake.waitForReady();

      const handled = onNextInteraction(client, async (interaction) => {
        if (interaction.isChatInputCommand()) await interaction.reply({ content: 'resumed' });
      });
      const interaction = await fake.sendCommand({ name: 'ask' });
      await interaction.waitForAnswer();
      await handled;
      expect(fake.identifyCount).toBe(1);
      // discord.js closed the old socket with 4200 ("resuming") itself.
      expect(fake.gatewayConnections[0]?.closeCode).toBe(4200);
    });

    it('resumes on the same socket after a resumable op 9 INVALID_SESSION', async () => {
      await startBot();
      fake.sendInvalidSession(true);
      await fake.waitFor(() => fake.resumeCount === 1, 'a RESUME');
      expect(fake.gatewayConnections).toHaveLength(1);
    });

    it('accepts a second bot process connecting later (a restart) with a fresh IDENTIFY', async () => {
      const first = await startBot();
      await first.destroy();
      await fake.waitFor(() => fake.gatewayConnections[0]?.closeCode === 1000, 'the first bot to disconnect');

      const second = await startBot();
      expect(fake.identifyCount).toBe(2);
      const handled = onNextInteraction(second, async (interaction) => {
        if (interaction.isChatInputCommand()) await interaction.reply({ content: 'new process' });
      });
      const interaction = await fake.sendCommand({ name: 'ask' });
      expect((await interaction.waitForAnswer()).messages[0]?.body.content).toBe('new process');
      await handled;
    });
  });
});

describe('FakeDiscord threads and messages', () => {
  const THREADS = (PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.CreatePublicThreads | PermissionFlagsBits.SendMessagesInThreads).toString();

  /** A bot message to start a thread on: the reply to a slash command. */
  async function answerMessage(client: Client): Promise<Message> {
    const handled = onNextInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'an answer' });
    });
    const sent = await fake.sendCommand({ name: 'ask' });
    await handled;
    const { messageId } = (await sent.waitForAnswer()).messages[0] as { messageId: string };
    // The message as discord.js hands it to a button click on it.
    let clicked: Message | undefined;
    const click = onNextInteraction(client, async (interaction) => {
      if (!interaction.isButton()) return;
      clicked = interaction.message;
      await interaction.deferUpdate();
    });
    await fake.sendComponent({ customId: 'x', messageId });
    await click;
    return clicked as Message;
  }

  it('starts a thread on a message with the message\'s id, tells the client, and refuses a second one and one without the permission', async () => {
    await fake.stop();
    fake = await FakeDiscord.start({ guilds: [{ id: GUILD_ID, name: 'Test Guild' }], botToken: TOKEN, botPermissions: THREADS });
    const client = await startBot();
    const message = await answerMessage(client);
    const created = new Promise<ThreadChannel>((resolve) => client.once(Events.ThreadCreate, (thread) => resolve(thread)));
    const thread = await message.startThread({ name: 'Follow-up' });
    expect(thread.id).toBe(message.id);
    expect((await created).id).toBe(message.id);
    expect(fake.thread(message.id)).toMatchObject({ name: 'Follow-up', type: ChannelType.PublicThread });
    await expect(message.startThread({ name: 'Again' })).rejects.toMatchObject({ status: 400, code: 160004 });
    await thread.send({ content: 'hello', allowedMentions: { parse: [] } });
    expect(fake.channelMessages(thread.id).map((m) => m.content)).toEqual(['hello']);

    await fake.stop();
    fake = await FakeDiscord.start({ guilds: [{ id: GUILD_ID, name: 'Test Guild' }], botToken: TOKEN });
    const bare = await startBot();
    await expect((await answerMessage(bare)).startThread({ name: 'Follow-up' })).rejects.toMatchObject({ status: 403, code: 50013 });
  });

  it('delivers a message to a bot with the GuildMessages intent only, and its content only when it mentions the bot', async () => {
    const guildsOnly = await startBot();
    const seen: Message[] = [];
    guildsOnly.on(Events.MessageCreate, (m) => seen.push(m));
    expect(await fake.sendMessage({ content: `<@${fake.applicationId}> hello` })).toBeUndefined();

    await guildsOnly.destroy();
    const client = await startBot(TOKEN, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    const received = new Promise<Message[]>((resolve) => {
      const got: Message[] = [];
      client.on(Events.MessageCreate, (m) => {
        got.push(m);
        if (got.length === 2) resolve(got);
      });
    });
    await fake.sendMessage({ content: 'not for the bot', userId: USER_ID });
    await fake.sendMessage({ content: `<@${fake.applicationId}> who bought it?`, userId: USER_ID });
    const [plain, mention] = await received;
    expect(plain?.content).toBe('');
    expect(mention?.content).toBe(`<@${fake.applicationId}> who bought it?`);
    expect(mention?.mentions.users.has(fake.applicationId)).toBe(true);
    expect(seen).toHaveLength(0);
  });
});

