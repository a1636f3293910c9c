/**
 * What the bot keeps per user: nothing. A bot in large servers meets millions of users; anything kept
 * per user is memory that grows for as long as it runs (the load test measures the whole process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunning, type Running } from '../harness.js';
import { smokeShortAnswer } from '../smoke.js';

const GUILDS = ['1300000000000000101', '1300000000000000102', '1300000000000000103'].map((id, i) => ({ id, name: `Server ${i}` }));
let running: Running;

beforeAll(async () => {
  running = await startRunning({ fake: { guilds: GUILDS } });
});

afterAll(async () => {
  await running.stop();
});

describe('bot memory per user', () => {
  it('caches neither the users nor the members of interactions, only its own', async () => {
    const { client } = running.bot;
    const sent = await Promise.all(
      Array.from({ length: 30 }, (_, i) => running.ask('who bought Norsat?', { userId: `14000000000000000${10 + i}`, guildId: GUILDS[i % 3]?.id })),
    );
    for (const interaction of sent) expect(String((await interaction.waitForAnswer()).messages[0]?.body.content)).toContain(await smokeShortAnswer());

    expect([...client.users.cache.keys()]).toEqual([client.user?.id]);
    for (const guild of client.guilds.cache.values()) {
      expect([...guild.members.cache.keys()]).toEqual([client.user?.id]);
      expect(guild.members.me).not.toBeNull();
    }
  });
});
