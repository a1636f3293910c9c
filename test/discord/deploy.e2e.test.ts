import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { runDeploy } from '../../src/cli/deploy.js';
import { FakeDiscord } from '../fake-discord/server.js';
import { CLIENT_ID, GUILD_ID, TOKEN } from '../harness.js';

let fake: FakeDiscord;
beforeEach(async () => {
  fake = await FakeDiscord.start({ guilds: [{ id: GUILD_ID, name: 'News' }], botToken: TOKEN, applicationId: CLIENT_ID });
});
afterEach(async () => {
  await fake.stop();
});

async function deploy(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDeploy([], {
    stdout: { write: (t: string) => out.push(t) } as never,
    stderr: { write: (t: string) => err.push(t) } as never,
    env: { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID, DISCORD_API_URL: fake.restUrl, ...env },
  });
  return { code, out: out.join(''), err: err.join('') };
}

describe('npm run deploy', () => {
  it('PUTs exactly the command definitions to the guild when DISCORD_GUILD_ID is set, and says how many', async () => {
    const result = await deploy({ DISCORD_GUILD_ID: GUILD_ID });
    expect(result).toEqual({ code: 0, out: `Registered ${commands.length} commands in server ${GUILD_ID}.\n`, err: '' });
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/applications/${CLIENT_ID}/guilds/${GUILD_ID}/commands`);
    expect(put?.body).toEqual(JSON.parse(JSON.stringify(commands.map((c) => c.data.toJSON()))));
    expect((put?.body as Array<{ name: string }>).map((c) => c.name)).toEqual(['ask', 'search', 'passage', 'sources', 'help', 'library']);
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    const result = await deploy({});
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Registered \d+ commands globally/);
    expect(fake.requests.find((r) => r.method === 'PUT')?.path).toBe(`/applications/${CLIENT_ID}/commands`);
  });

  it('says Discord refused the commands only when Discord answered, and that it could not reach Discord otherwise', async () => {
    const refused = await deploy({ DISCORD_TOKEN: 'MTA5.not-the-bot.token' });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^newsbot: Discord refused the commands: [^\n]+\n$/);
    const closed = await deploy({ DISCORD_API_URL: 'http://127.0.0.1:9/api' });
    expect(closed.code).toBe(1);
    expect(closed.err).toMatch(/^newsbot: could not reach Discord at http:\/\/127\.0\.0\.1:9\/api: [^\n]*ECONNREFUSED[^\n]*\n$/);
  });

  it('refuses to run without the application id, in one line', async () => {
    const result = await deploy({ DISCORD_CLIENT_ID: '' });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^newsbot: DISCORD_CLIENT_ID is not set.*\n$/);
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });
});
