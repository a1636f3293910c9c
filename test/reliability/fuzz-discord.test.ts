/**
 * Hostile questions end to end: through the real discord.js client and the fake Discord, every
 * message body the bot sends pings no one and fits, and Discord accepts every request.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunning, stringOption, type Running } from '../harness.js';
import { anyQuestion, expectSafeBody } from './hostile.js';

let running: Running;

beforeAll(async () => {
  running = await startRunning();
});

afterAll(async () => {
  await running.stop();
});

describe('bot under hostile questions, end to end', () => {
  it('answers /ask and /search for any question with safe messages that Discord accepts', async () => {
    await fc.assert(
      fc.asyncProperty(anyQuestion, fc.constantFrom('ask', 'search'), async (text, name) => {
        const option = stringOption(name === 'ask' ? 'question' : 'query', text);
        const interaction = await running.fake.sendCommand({ name, options: [option] });
        const answer = await interaction.waitForAnswer();
        expect(interaction.allRequests().map((request) => request.status)).toEqual([204]);
        expect(answer.messages).toHaveLength(1);
        for (const message of answer.messages) expectSafeBody(message.body);
        // Nothing went wrong on the bot's side either.
        const line = await running.logLineOf(interaction.id);
        expect(line.outcome).not.toBe('error');
      }),
      { numRuns: 100 },
    );
  });
});
