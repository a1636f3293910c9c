/**
 * `npm run start:sharded` for real: discord.js's ShardingManager in one process, each shard its own
 * process running index.ts, all against the fake Discord, which routes each server to its shard.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { shardOf } from '../fake-discord/payloads.js';
import { FakeDiscord } from '../fake-discord/server.js';
import { TOKEN, runScript, stringOption, waitUntil, type LogLine } from '../harness.js';
import { smokeShortAnswer } from '../smoke.js';

/** Two servers per shard: ids one timestamp apart alternate between shards 0 and 1. */
const GUILDS = [0, 1, 2, 3].map((i) => ({ id: ((1_300_000_000_000n + BigInt(i)) << 22n).toString(), name: `Server ${i}` }));

let fake: FakeDiscord | undefined;
let manager: ReturnType<typeof runScript> | undefined;

afterEach(async () => {
  if (manager && manager.child.exitCode === null) {
    manager.child.kill('SIGTERM');
    await manager.exited;
  }
  await fake?.stop();
});

function lines(output: string): LogLine[] {
  return output.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as LogLine);
}

describe('sharded bot (ShardingManager)', () => {
  it('runs one process per shard as Discord recommends; each answers its own servers; all stop together', async () => {
    fake = await FakeDiscord.start({ guilds: GUILDS, botToken: TOKEN, shards: 2, maxConcurrency: 2 });
    const run = runScript('shard.ts', {
      env: { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, ASK_COOLDOWN_SECONDS: '0', LOG_LEVEL: 'info' },
    });
    manager = run;
    await fake.waitForReady({ timeoutMs: 30_000 });

    // The count came from GET /gateway/bot ("auto"), and each shard identified once, with its own id.
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([[0, 2], [1, 2]]);
    for (const guild of GUILDS) {
      const interaction = await fake.sendCommand({ name: 'ask', guildId: guild.id, options: [stringOption('question', 'who bought Norsat?')] });
      expect(String((await interaction.waitForAnswer({ timeoutMs: 10_000 })).messages[0]?.body.content)).toContain(await smokeShortAnswer());
    }
    const logged = await waitUntil(() => {
      const found = lines(run.output().stdout).filter((line) => line.msg === 'interaction');
      return found.length === GUILDS.length ? found : undefined;
    });
    // Each server was answered by the shard Discord routes it to. In any order: each shard logs after its reply, and
    // two processes' lines reach the manager's output through two pipes, so one shard's may come in after the next one's.
    const byGuild = (a: unknown[], b: unknown[]): number => String(a[0]).localeCompare(String(b[0]));
    expect(logged.map((line) => [line.guild, line.shard]).sort(byGuild)).toEqual(GUILDS.map((guild) => [guild.id, shardOf(guild.id, 2)]).sort(byGuild));

    const ready = lines(run.output().stdout).filter((line) => line.msg === 'shard ready');
    const pids = ready.map((line) => line.pid as number);
    expect(ready.map((line) => line.shard).sort()).toEqual([0, 1]);
    expect(new Set(pids).size).toBe(2);
    expect(lines(run.output().stdout).filter((line) => line.msg === 'bot ready').map((line) => line.shards).sort()).toEqual([[0], [1]]);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    // Both shard processes are gone and closed their gateways: no orphan keeps answering.
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    await fake.waitFor(() => fake?.gatewayConnections.every((connection) => connection.closedAt !== undefined), 'both shards to close their gateways', { timeoutMs: 10_000 });
    expect(run.output().stdout + run.output().stderr).not.toContain(TOKEN);
    // Three node processes start here (manager and two shards): give a loaded machine time.
  }, 60_000);

  it('stops its shards when the manager is killed outright', async () => {
    fake = await FakeDiscord.start({ guilds: GUILDS, botToken: TOKEN, shards: 2, maxConcurrency: 2 });
    const run = runScript('shard.ts', { env: { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, LOG_LEVEL: 'info' } });
    manager = run;
    await fake.waitForReady({ timeoutMs: 30_000 });
    const pids = await waitUntil(() => {
      const ready = lines(run.output().stdout).filter((line) => line.msg === 'shard ready');
      return ready.length === 2 ? ready.map((line) => line.pid as number) : undefined;
    });

    run.child.kill('SIGKILL');
    await run.exited;
    // Each shard sees its channel to the manager close, closes its gateway and exits.
    await fake.waitFor(() => fake?.gatewayConnections.every((connection) => connection.closedAt !== undefined), 'both shards to disconnect', { timeoutMs: 10_000 });
    await waitUntil(() => (pids.every((pid) => !isAlive(pid)) ? true : undefined), 10_000);
  }, 60_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
