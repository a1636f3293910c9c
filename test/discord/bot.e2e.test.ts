import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIENT_ID, GUILD_ID, startRunning, stringOption as text, TOKEN, type Running } from '../harness.js';
import { SMOKE_QUESTION, smokeCitation, smokeShortAnswer } from '../smoke.js';

const NEWS = { guilds: [{ id: GUILD_ID, name: 'News' }], applicationId: CLIENT_ID };

let running: Running;

beforeEach(async () => {
  running = await startRunning({ fake: NEWS });
});

afterEach(async () => {
  await running.stop();
});

/** Every message body the bot sent for every interaction so far. */
function everyMessage(): Array<Record<string, unknown>> {
  return running.fake.interactions.flatMap((i) => i.messages().map((m) => m.body as Record<string, unknown>));
}

async function ask(question: string, userId?: string) {
  const interaction = await running.fake.sendCommand({ name: 'ask', options: [text('question', question)], ...(userId ? { userId } : {}) });
  return { interaction, answer: await interaction.waitForAnswer() };
}

describe('bot /ask', () => {
  it('answers in public with the question, the engine\'s short answer, the quote and its citation', async () => {
    const { answer } = await ask(SMOKE_QUESTION);
    const content = String(answer.messages[0]?.body.content);
    expect(answer.ephemeral).toBe(false);
    expect(content.startsWith(`**Q:** ${SMOKE_QUESTION}\n${await smokeShortAnswer()}\n> `)).toBe(true);
    expect(content).toContain(`${await smokeCitation()} · *China, Canada vow not to conduct cyber attacks on private sector*`);
  });

  it('declines a question the article cannot answer, saying what it lacks', async () => {
    const { answer } = await ask('What is the boiling point of mercury?');
    const content = String(answer.messages[0]?.body.content);
    expect(content).toMatch(/The article doesn't mention “(boiling point|mercury)”/);
    expect(content).not.toMatch(/^\*\*Q:\*\*.*\n\*\*/);
  });

  it('pings nobody: @everyone in a question or in a quote, on every message sent', async () => {
    const { answer } = await ask('@everyone what does the agreement include? <@1300000000000000888> @here');
    expect(String(answer.messages[0]?.body.content)).toContain('@everyone');
    await running.fake.sendCommand({ name: 'search', options: [text('query', '@everyone cyber')] }).then((i) => i.waitForAnswer());
    await running.fake.sendCommand({ name: 'help' }).then((i) => i.waitForAnswer());
    const bodies = everyMessage();
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    for (const body of bodies) expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('reads a question without the mentions, custom emoji and timestamps typed in it, and quotes it as typed', async () => {
    const plain = String((await ask(SMOKE_QUESTION)).answer.messages[0]?.body.content);
    const typed = `<@1300000000000000888> ${SMOKE_QUESTION} <:wave:1300000000000000777> <t:1700000000:R> @here`;
    const content = String((await ask(typed, '1300000000000000999')).answer.messages[0]?.body.content);
    expect(content.split('\n')[0]).toBe(`**Q:** ${typed}`);
    // The same short answer, confidence, quote and citation as the question without them.
    expect(content.split('\n').slice(1)).toEqual(plain.split('\n').slice(1));
  });

  it('gives a clean reply to a 5,000-character question', async () => {
    const { answer } = await ask(`who bought Norsat? ${'x'.repeat(5000)}`);
    const content = String(answer.messages[0]?.body.content);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).toContain('…');
  });

  it('answers the second quick /ask of a user with an ephemeral cooldown note', async () => {
    await running.stop();
    running = await startRunning({ fake: NEWS, env: { ASK_COOLDOWN_SECONDS: '30' } });
    const first = await ask('who bought Norsat?', '1300000000000000999');
    const second = await ask('what does the agreement include?', '1300000000000000999');
    const other = await ask('what does the agreement include?', '1300000000000000555');
    expect(first.answer.ephemeral).toBe(false);
    expect(second.answer.ephemeral).toBe(true);
    expect(String(second.answer.messages[0]?.body.content)).toMatch(/^One question at a time: you can ask again <t:\d+:R>\.$/);
    expect(other.answer.ephemeral).toBe(false);
  });

  it('answers privately when asked to', async () => {
    const interaction = await running.fake.sendCommand({ name: 'ask', options: [text('question', 'who bought Norsat?'), { name: 'private', type: 5, value: true }] });
    expect((await interaction.waitForAnswer()).ephemeral).toBe(true);
  });

  it('logs one line per interaction with id, command, latency and outcome, and no question text or token', async () => {
    const { interaction } = await ask('who bought Norsat?');
    // The line is written once the reply is out, just after the fake received it.
    const entry = await vi.waitFor(() => {
      const found = running.logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.interaction === interaction.id);
      if (!found) throw new Error('no log line yet');
      return found;
    });
    expect(entry).toMatchObject({ msg: 'interaction', command: 'ask', outcome: 'answered', latencyMs: expect.any(Number) });
    expect(running.logs.join('')).not.toContain('Norsat');
    expect(running.logs.join('')).not.toContain(TOKEN);
  });
});

describe('bot buttons', () => {
  async function answerWithButtons() {
    const { answer } = await ask('What did China and Canada agree?');
    const components = answer.messages[0]?.body.components as Array<{ components: Array<{ custom_id: string; label: string }> }>;
    const buttons = components[0]?.components ?? [];
    return { answer, byLabel: (label: string) => buttons.find((b) => b.label === label)?.custom_id as string };
  }

  it('Show paragraph replies with the whole paragraph, ephemeral', async () => {
    const { answer, byLabel } = await answerWithButtons();
    const click = await running.fake.sendComponent({ customId: byLabel('Show paragraph'), messageId: answer.messages[0]?.messageId });
    const reply = await click.waitForAnswer();
    expect(reply.ephemeral).toBe(true);
    expect(String(reply.messages[0]?.body.content)).toMatch(/^> \(Reuters\) - China and Canada have signed an agreement .*information\.\n¶1 · /);
  });

  it('More passages shows the next quotes, also after the bot restarted between the answer and the click', async () => {
    const { byLabel } = await answerWithButtons();
    const more = byLabel('More passages');
    expect(more).toBeDefined();
    await running.restart();
    const click = await running.fake.sendComponent({ customId: more });
    const reply = await click.waitForAnswer();
    expect(reply.ephemeral).toBe(true);
    const content = String(reply.messages[0]?.body.content);
    expect(content).toMatch(/^\*\*More passages:\*\*\n> .+\n¶\d+ · /);
    expect(content.match(/\n¶\d+ · /g)).toHaveLength(2);
  });

  it('answers a button that points nowhere with a note, not an error', async () => {
    const click = await running.fake.sendComponent({ customId: 'ask:para:nokey123.4' });
    expect(String((await click.waitForAnswer()).messages[0]?.body.content)).toBe('That passage is no longer in the library.');
  });
});

describe('bot /search, /passage, /sources, /help', () => {
  it('/search lists the best passages, one line each with ¶N', async () => {
    const reply = await (await running.fake.sendCommand({ name: 'search', options: [text('query', 'cyber espionage')] })).waitForAnswer();
    const lines = String(reply.messages[0]?.body.content).split('\n');
    expect(lines[0]).toBe('**Passages for:** cyber espionage');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.length).toBeLessThanOrEqual(6);
    for (const line of lines.slice(1)) expect(line).toMatch(/^\*\*¶\d+\*\* /);
  });

  it('/passage shows a paragraph verbatim, and says which exist for a wrong number', async () => {
    const ok = await (await running.fake.sendCommand({ name: 'passage', options: [{ name: 'number', type: 4, value: 8 }] })).waitForAnswer();
    expect(String(ok.messages[0]?.body.content)).toContain('> Ottawa recently allowed Hytera Communications Corp Ltd 002583.SZ to buy');
    const bad = await (await running.fake.sendCommand({ name: 'passage', options: [{ name: 'number', type: 4, value: 99 }] })).waitForAnswer();
    expect(bad.ephemeral).toBe(true);
    expect(String(bad.messages[0]?.body.content)).toContain('has paragraphs 1 to 16');
  });

  it('/sources lists the bundled article with its paragraph count', async () => {
    const reply = await (await running.fake.sendCommand({ name: 'sources' })).waitForAnswer();
    expect(String(reply.messages[0]?.body.content)).toContain('*China, Canada vow not to conduct cyber attacks on private sector* — 16 paragraphs');
  });

  it('/help explains the bot with two example questions the article answers', async () => {
    const reply = await (await running.fake.sendCommand({ name: 'help' })).waitForAnswer();
    const examples = String(reply.messages[0]?.body.content).match(/`\/ask question: [^`]+`/g) ?? [];
    expect(examples).toHaveLength(2);
  });

  it('/passage autocompletes document titles', async () => {
    const interaction = await running.fake.sendAutocomplete({ name: 'passage', focused: { name: 'document', value: 'canada' }, options: [{ name: 'number', type: 4, value: 1 }] });
    const callback = await interaction.waitForCallback();
    expect(callback.body).toMatchObject({ type: 8, data: { choices: [{ name: 'China, Canada vow not to conduct cyber attacks on private sector', value: 'china-canada-cyber-agreement' }] } });
  });
});
