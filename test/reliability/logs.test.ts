/**
 * The log an operator reads: JSON lines (pino), one per interaction whatever its kind or fate, and
 * never what users wrote or what the bot answered at info level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faults, routes } from '../fake-discord/server.js';
import { LEVEL, startRunning, stringOption, type LogLine, type Running } from '../harness.js';

let running: Running;

beforeAll(async () => {
  running = await startRunning();
});

afterAll(async () => {
  await running.stop();
});

describe('interaction log', () => {
  it('writes exactly one info line per interaction, with its id, command, latency and outcome, for every kind of interaction', async () => {
    const { fake } = running;
    const sent: Array<[Promise<{ id: string }>, string, string]> = [
      [running.ask('who bought Norsat?'), 'ask', 'answered'],
      [running.ask('What is the boiling point of mercury?'), 'ask', 'declined'],
      [fake.sendCommand({ name: 'search', options: [stringOption('query', 'cyber espionage')] }), 'search', 'shown'],
      [fake.sendCommand({ name: 'passage', options: [{ name: 'number', type: 4, value: 8 }] }), 'passage', 'shown'],
      [fake.sendCommand({ name: 'passage', options: [{ name: 'number', type: 4, value: 999 }] }), 'passage', 'not-found'],
      [fake.sendCommand({ name: 'sources' }), 'sources', 'shown'],
      [fake.sendCommand({ name: 'help' }), 'help', 'shown'],
      [fake.sendAutocomplete({ name: 'passage', focused: { name: 'document', value: 'china' } }), 'passage', 'suggested'],
      [fake.sendComponent({ customId: 'ask:para:nowhere.1' }), 'button:ask:para', 'not-found'],
      [fake.sendComponent({ customId: 'someone-else:button' }), 'button:someone-else:button', 'ignored'],
    ];
    for (const [interaction, command, outcome] of sent) {
      const { id } = await interaction;
      const line = await running.logLineOf(id);
      expect(line).toMatchObject({ level: LEVEL.info, msg: 'interaction', interaction: id, command, outcome, latencyMs: expect.any(Number) });
      expect(running.lines().filter((l) => l.interaction === id && l.level === LEVEL.info)).toHaveLength(1);
    }
  });

  it('writes the line also when answering failed, with outcome error', async () => {
    running.fake.failNext(routes.callback(), faults.unknownInteraction());
    const interaction = await running.ask('who bought Norsat?');
    expect(await running.logLineOf(interaction.id)).toMatchObject({ level: LEVEL.info, command: 'ask', outcome: 'error' });
  });

  it('keeps questions, queries and answers out of every line at info level', async () => {
    const question = 'Zanzibar-marker: who bought Norsat?';
    const query = 'Quokka-marker cyber espionage';
    const asked = await running.ask(question);
    const answer = await asked.waitForAnswer();
    const searched = await running.fake.sendCommand({ name: 'search', options: [stringOption('query', query)] });
    await running.logLineOf(asked.id);
    await running.logLineOf(searched.id);

    const info = running.lines().filter((line) => line.level <= LEVEL.info);
    const text = JSON.stringify(info);
    expect(text).not.toContain('Zanzibar');
    expect(text).not.toContain('Quokka');
    // The reply quotes a sentence of the article (as an answer or as the closest passage); none of it is logged.
    const quoted = String(answer.messages[0]?.body.content).split('\n').find((line) => line.startsWith('> '));
    expect(quoted).toBeDefined();
    expect(text).not.toContain(quoted?.slice(2).replaceAll('**', '').slice(0, 40));
  });

  it('writes only JSON lines with a level, a time and a message', () => {
    expect(running.logs.length).toBeGreaterThan(10);
    for (const raw of running.logs) {
      expect(raw.endsWith('\n')).toBe(true);
      const line = JSON.parse(raw) as LogLine;
      expect(line).toMatchObject({ level: expect.any(Number), time: expect.any(Number), msg: expect.any(String), app: 'newsbot' });
    }
  });
});
