import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { EVERYONE_PERMISSIONS } from '../fake-discord/payloads.js';
import type { RecordedRequest } from '../fake-discord/server.js';
import { CLIENT_ID, GUILD_ID, startRunning, stringOption as text, waitUntil, type Running } from '../harness.js';

const CHANNEL_ID = '1300000000000000778';
/** What @everyone gets, and what a moderator grants for threads. */
const WITH_THREADS = (BigInt(EVERYONE_PERMISSIONS) | PermissionFlagsBits.CreatePublicThreads | PermissionFlagsBits.SendMessagesInThreads).toString();

let running: Running | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** The bot on an article of our own, so no evaluation set's conversation is pinned here. */
async function start(options: { botPermissions?: string; env?: Record<string, string> } = {}): Promise<Running> {
  const dir = await mkdtemp(join(tmpdir(), 'talk-'));
  const corpus = join(dir, 'ferry.txt');
  await writeFile(corpus, [
    'Council sells the Night Star ferry',
    'Norvik Marine bought the Night Star ferry from the Westport council in March.',
    'The harbour authority approved the sale of the Night Star ferry after a long review of its safety record.',
    'Council leader Maria Okafor told the Westport Herald on Friday that the sale would keep the island service running.',
  ].join('\n\n'));
  running = await startRunning({
    fake: { guilds: [{ id: GUILD_ID, name: 'News', channels: [{ id: CHANNEL_ID, name: 'general' }] }], applicationId: CLIENT_ID, ...(options.botPermissions ? { botPermissions: options.botPermissions } : {}) },
    env: { CORPUS_PATH: corpus, DATA_DIR: join(dir, 'data'), ...options.env },
  });
  return running;
}

type Body = { content?: string; allowed_mentions?: unknown; components?: Array<{ components: Array<{ custom_id: string; label: string }> }> };

function buttons(body: Body | undefined): Record<string, string> {
  return Object.fromEntries((body?.components?.[0]?.components ?? []).map((b) => [b.label, b.custom_id]));
}

async function ask(bot: Running, question: string, extra: { channelId?: string; userId?: string; fresh?: boolean } = {}) {
  const options = [text('question', question), ...(extra.fresh ? [{ name: 'new', type: 5, value: true }] : [])];
  const interaction = await bot.fake.sendCommand({ name: 'ask', options, ...(extra.channelId ? { channelId: extra.channelId } : {}), ...(extra.userId ? { userId: extra.userId } : {}) });
  const answer = await interaction.waitForAnswer();
  return { interaction, answer, body: answer.messages[0]?.body as Body, messageId: answer.messages[0]?.messageId as string };
}

/** The bot's reply to a user message, posted in the channel with a reference to it. */
function replyTo(bot: Running, messageId: string): Promise<RecordedRequest> {
  return bot.fake.waitForRequest((r) => r.method === 'POST' && r.route === 'POST /channels/:channelId/messages' && (r.body as { message_reference?: { message_id?: string } })?.message_reference?.message_id === messageId);
}

/** Every message body the bot sent: interaction replies and posts in channels. */
function everyBody(bot: Running): Body[] {
  const posted = bot.fake.requests.filter((r) => r.method === 'POST' && r.route === 'POST /channels/:channelId/messages').map((r) => r.body as Body);
  return [...bot.fake.interactions.flatMap((i) => i.messages().map((m) => m.body as Body)), ...posted];
}

describe('Discord conversations', () => {
  it('follows up in a thread: button, thread opened, a mention answered in context, then /ask in the thread', async () => {
    const bot = await start({ botPermissions: WITH_THREADS });
    const first = await ask(bot, 'Who bought the Night Star ferry?');
    expect(first.body.content).toContain('Norvik Marine');
    const threadButton = buttons(first.body)['Follow up in a thread'];
    expect(threadButton).toBeDefined();

    const click = await bot.fake.sendComponent({ customId: threadButton as string, messageId: first.messageId });
    const opened = await click.waitForAnswer();
    expect(opened.ephemeral).toBe(true);
    // A thread started on a message has the message's id.
    const thread = bot.fake.thread(first.messageId);
    expect(thread).toMatchObject({ name: 'Follow-up: Who bought the Night Star ferry?', parent_id: CHANNEL_ID });
    expect(opened.messages[0]?.body.content).toBe(`Thread opened: <#${first.messageId}>. Ask there with \`/ask\` or by mentioning me.`);
    const intro = await waitUntil(() => bot.fake.channelMessages(first.messageId)[0]);
    expect(intro.content).toContain('Questions here follow on from **Who bought the Night Star ferry?**');

    const mention = await bot.fake.sendMessage({ channelId: first.messageId, content: `<@${CLIENT_ID}> Who approved it?` });
    const second = (await replyTo(bot, mention as string)).body as Body;
    expect(second.content).toMatch(/^\*\*Q:\*\* Who approved it\?\n\*Understood as:\* Who approved the Night Star ferry\?\n/);
    expect(second.content).toContain('harbour authority');
    expect(second.content).toContain('¶2 · *Council sells the Night Star ferry*');
    // No thread from a thread: the reply offers the passage buttons only.
    expect(Object.keys(buttons(second))).not.toContain('Follow up in a thread');

    const third = await ask(bot, 'Why?', { channelId: first.messageId });
    expect(third.body.content).toMatch(/^\*\*Q:\*\* Why\?\n\*Understood as:\* Why did the harbour authority approve the Night Star ferry\?\n/);
    expect(third.body.content).toContain('¶2 · ');
    expect(Object.keys(buttons(third.body))).not.toContain('Follow up in a thread');

    for (const body of everyBody(bot)) expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('says privately that it cannot open a thread without the permission, and opens none', async () => {
    const bot = await start();
    const first = await ask(bot, 'Who bought the Night Star ferry?');
    const click = await bot.fake.sendComponent({ customId: buttons(first.body)['Follow up in a thread'] as string, messageId: first.messageId });
    const reply = await click.waitForAnswer();
    expect(reply.ephemeral).toBe(true);
    expect(reply.messages[0]?.body.content).toMatch(/^I can't open a thread here: I need the \*Create Public Threads\* and \*Send Messages in Threads\* permissions/);
    expect(bot.fake.thread(first.messageId)).toBeUndefined();
    expect(bot.fake.requests.some((r) => r.route === 'POST /channels/:channelId/messages/:messageId/threads')).toBe(false);
  });

  it('points to the thread a second click would open again', async () => {
    const bot = await start({ botPermissions: WITH_THREADS });
    const first = await ask(bot, 'Who bought the Night Star ferry?');
    const id = buttons(first.body)['Follow up in a thread'] as string;
    await (await bot.fake.sendComponent({ customId: id, messageId: first.messageId })).waitForAnswer();
    const again = await (await bot.fake.sendComponent({ customId: id, messageId: first.messageId, userId: '1300000000000000555' })).waitForAnswer();
    expect(again).toMatchObject({ ephemeral: true });
    expect(again.messages[0]?.body.content).toBe(`This answer already has a thread: <#${first.messageId}>.`);
  });

  it('keeps one conversation per user in a channel, and new:true starts over', async () => {
    const bot = await start();
    await ask(bot, 'Who bought the Night Star ferry?');
    const followUp = await ask(bot, 'Who approved it?');
    expect(followUp.body.content).toContain('*Understood as:* Who approved the Night Star ferry?');
    // Another user in the same channel has asked nothing yet.
    const other = await ask(bot, 'Who approved it?', { userId: '1300000000000000555' });
    expect(other.body.content).not.toContain('Understood as');
    const fresh = await ask(bot, 'Who approved it?', { fresh: true });
    expect(fresh.body.content).not.toContain('Understood as');
    // Private answers cannot carry a thread.
    const hidden = await bot.fake.sendCommand({ name: 'ask', options: [text('question', 'Who bought the Night Star ferry?'), { name: 'private', type: 5, value: true }] });
    expect(Object.keys(buttons((await hidden.waitForAnswer()).messages[0]?.body as Body))).not.toContain('Follow up in a thread');
  });

  it('ignores messages outside threads and in threads without a mention, and asks for a question after a bare mention', async () => {
    const bot = await start({ botPermissions: WITH_THREADS });
    const first = await ask(bot, 'Who bought the Night Star ferry?');
    await (await bot.fake.sendComponent({ customId: buttons(first.body)['Follow up in a thread'] as string, messageId: first.messageId })).waitForAnswer();
    const before = bot.fake.requests.length;
    await bot.fake.sendMessage({ channelId: CHANNEL_ID, content: `<@${CLIENT_ID}> who approved it?` });
    await bot.fake.sendMessage({ channelId: first.messageId, content: 'who approved it?' });
    const bare = await bot.fake.sendMessage({ channelId: first.messageId, content: `<@${CLIENT_ID}>` });
    const reply = (await replyTo(bot, bare as string)).body as Body;
    expect(reply.content).toBe('Mention me with a question, and I will answer it with the questions asked before it in this thread.');
    const posts = bot.fake.requests.slice(before).filter((r) => r.route === 'POST /channels/:channelId/messages');
    expect(posts).toHaveLength(1);
    const line = await waitUntil(() => bot.lines().find((l) => l.msg === 'message' && l.outcome === 'empty'));
    expect(line).toMatchObject({ command: 'mention', message: bare });
  });

  it('receives mentions with the intents it asks for, none of them privileged', async () => {
    const bot = await start();
    const intents = bot.fake.identifies[0]?.intents ?? 0;
    const MESSAGE_CONTENT = 1 << 15;
    const GUILD_MESSAGES = 1 << 9;
    expect(intents & MESSAGE_CONTENT).toBe(0);
    expect(intents & GUILD_MESSAGES).toBe(GUILD_MESSAGES);
  });
});
