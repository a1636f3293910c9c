// npm run loadtest [-- --count 2000 --rate 250 --users 1000 --guilds 25 --warmup 2000 --corpus DIR --questions FILE --json]
//
// Drives the bot (npm start's code, in its own process) through the fake Discord on 127.0.0.1 with a
// burst of /ask interactions from many users in many servers, then prints a table: every interaction
// answered exactly once, latency from dispatch to the callback reaching Discord, the bot's memory
// before and after (after a full GC), and whether the targets hold (p99 <= 50 ms, memory growth <= 10%).
// "Before" is after a warm-up run of the same size and rate, so that growth means memory kept per
// interaction (a leak), not the first burst's JIT code and buffer pools; RSS after start-up is shown too.
// Exits 1 when an interaction is lost or duplicated or a target is missed. Bounded: it stops by itself.
// --corpus has the bot answer from that corpus (its CORPUS_PATH) and --questions asks the lines of a file;
// --json prints the figures as one JSON line after the table (for `npm run bench -- --entry-points`).
import { fork } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeDiscord } from '../test/fake-discord/server.js';
import type { MemoryFigures } from './loadtest-bot.js';

const ROOT = new URL('..', import.meta.url);
const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.Lo4dTe.load-test-token-not-a-secret';
const CALLBACK = 'POST /interactions/:id/:token/callback';
const TARGET_P99_MS = 50;
const TARGET_GROWTH = 0.1;

interface Settings {
  count: number;
  rate: number;
  users: number;
  guilds: number;
  warmup: number;
  /** The bot's corpus (CORPUS_PATH); default: the bundled article. */
  corpus?: string;
  /** A file of questions, one a line; default: the seed, off-topic and hostile questions. */
  questions?: string;
  json: boolean;
}

/** What `--json` prints: the figures of the measured run. */
export interface LoadFigures {
  count: number;
  answeredOnce: number;
  lost: number;
  duplicated: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** The bot process's peak RSS over its whole life (getrusage), in MB. */
  botPeakRssMb: number;
}

const USAGE = 'usage: npm run loadtest -- [--count N] [--rate N] [--users N] [--guilds N] [--warmup N] [--corpus DIR] [--questions FILE] [--json]';
const NUMBERS = ['count', 'rate', 'users', 'guilds', 'warmup'] as const;
const PATHS = ['corpus', 'questions'] as const;

/** The settings, or `undefined` after printing the usage (`--help`, exit 0) or a one-line error with it (exit 2). */
function parseArgs(argv: readonly string[]): Settings | undefined {
  const settings: Settings = { count: 2000, rate: 250, users: 1000, guilds: 25, warmup: 2000, json: false };
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return undefined;
  }
  const usage = (message: string): undefined => {
    process.stderr.write(`newsbot: loadtest: ${message} (${USAGE})\n`);
    process.exitCode = 2;
    return undefined;
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '') ?? '';
    const raw = argv[i + 1];
    if (key === 'json') {
      settings.json = true;
      i--;
    } else if ((PATHS as readonly string[]).includes(key)) {
      if (raw === undefined || raw === '') return usage(`${JSON.stringify(argv[i])} needs a path`);
      settings[key as (typeof PATHS)[number]] = resolve(process.env.INIT_CWD ?? process.cwd(), raw);
    } else {
      const value = Number(raw);
      if (!(NUMBERS as readonly string[]).includes(key) || !Number.isInteger(value) || value < 1) {
        return usage(`${JSON.stringify(argv[i])} ${raw === undefined ? 'needs a whole number' : `${JSON.stringify(raw)} is not an option with a whole number`}`);
      }
      settings[key as (typeof NUMBERS)[number]] = value;
    }
  }
  return settings;
}

/** Questions people ask: the lines of `--questions`, or the seed set (answerable and not), off-topic ones, and a few hostile ones. */
async function questions(file: string | undefined): Promise<string[]> {
  if (file !== undefined) {
    const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) throw new Error(`newsbot: loadtest: ${JSON.stringify(file)} holds no question`);
    return lines;
  }
  const fromSquad = async (file: string): Promise<string[]> => {
    const json = JSON.parse(await readFile(new URL(`eval/${file}`, ROOT), 'utf8')) as { data: Array<{ paragraphs: Array<{ qas: Array<{ question: string }> }> }> };
    return json.data.flatMap((d) => d.paragraphs.flatMap((p) => p.qas.map((q) => q.question)));
  };
  const hostile = ['@everyone who bought Norsat?', '**who** `bought` [Norsat](https://evil.example)?', 'the of and a to', '\u202ewho bought Norsat?'];
  return [...(await fromSquad('seed-questions.json')), ...(await fromSquad('offtopic-sample.json')).slice(0, 40), ...hostile];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function run(settings: Settings): Promise<number> {
  // Guild ids one timestamp apart, so they also spread over shards the way Discord's ids do.
  const guilds = Array.from({ length: settings.guilds }, (_, i) => ({ id: ((1_300_000_000_000n + BigInt(i)) << 22n).toString(), name: `Newsroom ${i}` }));
  const fake = await FakeDiscord.start({ guilds, botToken: TOKEN });
  // The bot logs to a file, as in production (a pipe to this busy process would make its writes wait).
  const logFile = join(tmpdir(), `newsbot-loadtest-${process.pid}.log`);
  const logFd = openSync(logFile, 'w');
  const child = fork(fileURLToPath(new URL('scripts/loadtest-bot.ts', ROOT)), [], {
    execArgv: ['--expose-gc', '--import', import.meta.resolve('tsx')],
    // Only what the bot needs; the default 3 s cooldown stays on (each user asks every users/rate seconds).
    env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, LOG_LEVEL: 'info', ...(settings.corpus ? { CORPUS_PATH: settings.corpus } : {}) },
    stdio: ['ignore', logFd, 'inherit', 'ipc'],
  });
  closeSync(logFd);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const reply = (request: string) =>
      new Promise<unknown>((resolve, reject) => {
        // Starting on a large corpus may mean indexing it first.
        const timer = setTimeout(() => reject(new Error(`the bot did not answer "${request}" within ${request === 'ready' ? 300 : 30} s`)), request === 'ready' ? 300_000 : 30_000);
        const onMessage = (message: unknown) => {
          if (request === 'ready' ? message === 'ready' : typeof message === 'object') {
            clearTimeout(timer);
            child.off('message', onMessage);
            resolve(message);
          }
        };
        child.on('message', onMessage);
        if (request !== 'ready') child.send(request);
      });
    const memory = async () => ((await reply('memory')) as { memory: MemoryFigures }).memory;

    await reply('ready');
    await fake.waitForReady({ timeoutMs: 30_000 });
    const atStart = await memory();

    // Latency: from just before the dispatch to the moment the fake records the bot's callback.
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const callbacks = new Map<string, number>();
    let answeredOnce = 0;
    let cursor = 0;
    let measuring = false;
    const watch = () => {
      const requests = fake.requests;
      for (; cursor < requests.length; cursor++) {
        const request = requests[cursor];
        if (request?.route !== CALLBACK || request.interactionId === undefined) continue;
        const seen = (callbacks.get(request.interactionId) ?? 0) + 1;
        callbacks.set(request.interactionId, seen);
        if (seen === 1) answeredOnce++;
        const at = sentAt.get(request.interactionId);
        if (seen === 1 && at !== undefined && measuring) latencies.push(performance.now() - at);
      }
      return undefined;
    };
    const allQuestions = await questions(settings.questions);
    let sent = 0;
    const burst = async (count: number): Promise<{ seconds: number; ids: string[] }> => {
      const ids: string[] = [];
      const started = performance.now();
      for (let i = 0; i < count; i++) {
        const due = started + (i * 1000) / settings.rate;
        const wait = due - performance.now();
        if (wait > 1) await sleep(wait);
        const n = sent++;
        const at = performance.now();
        const interaction = await fake.sendCommand({
          name: 'ask',
          options: [{ name: 'question', type: 3, value: allQuestions[n % allQuestions.length] ?? '' }],
          userId: (1_400_000_000_000_000_000n + BigInt(n % settings.users)).toString(),
          guildId: guilds[n % guilds.length]?.id,
        });
        sentAt.set(interaction.id, at);
        ids.push(interaction.id);
      }
      const seconds = (performance.now() - started) / 1000;
      // Every interaction sent so far has had its callback (or 30 s went by: the count below tells).
      await fake.waitFor(() => answeredOnce >= sent, `${count} callbacks`, { timeoutMs: 30_000 }).catch(() => undefined);
      return { seconds, ids };
    };
    // The watcher runs on every request the fake records.
    void fake.waitFor(watch, 'the end of the load test', { timeoutMs: 24 * 3600_000 }).catch(() => undefined);

    await burst(settings.warmup);
    const before = await memory();
    measuring = true;
    const { seconds, ids } = await burst(settings.count);
    measuring = false;
    const after = await memory();

    // The bot's log: one JSON line per interaction, counted by outcome.
    const logged = new Map<string, string>();
    const logLines = (await readFile(logFile, 'utf8')).split('\n').filter((raw) => raw.length > 0);
    for (const raw of logLines) {
      const line = JSON.parse(raw) as { msg?: string; interaction?: string; outcome?: string };
      if (line.msg === 'interaction' && line.interaction) logged.set(line.interaction, logged.has(line.interaction) ? 'duplicate' : (line.outcome ?? '?'));
    }

    const answered = ids.filter((id) => callbacks.get(id) === 1).length;
    const lost = ids.filter((id) => !callbacks.has(id)).length;
    const duplicated = ids.filter((id) => (callbacks.get(id) ?? 0) > 1).length;
    const outcomes = new Map<string, number>();
    for (const id of ids) outcomes.set(logged.get(id) ?? 'no log line', (outcomes.get(logged.get(id) ?? 'no log line') ?? 0) + 1);
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    const growth = (after.rss - before.rss) / before.rss;
    const okCounts = answered === settings.count && lost === 0 && duplicated === 0 && (outcomes.get('answered') ?? 0) + (outcomes.get('declined') ?? 0) === settings.count;

    const rows: Array<[string, string]> = [
      ['interactions', `${settings.count} /ask from ${settings.users} users in ${settings.guilds} servers (after ${settings.warmup} warm-up)`],
      ['dispatch rate', `${(settings.count / seconds).toFixed(0)} per second (target ${settings.rate})`],
      ['answered once / lost / duplicated', `${answered} / ${lost} / ${duplicated}`],
      ['outcomes (bot log)', [...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', ')],
      ['log lines', `${logLines.length} (one per interaction, plus start-up)`],
      ['latency p50', `${percentile(sorted, 50).toFixed(1)} ms`],
      ['latency p90', `${percentile(sorted, 90).toFixed(1)} ms`],
      ['latency p99', `${p99.toFixed(1)} ms (target <= ${TARGET_P99_MS} ms)`],
      ['latency max', `${(sorted.at(-1) ?? NaN).toFixed(1)} ms`],
      ['bot CPU per interaction', `${((after.cpuMs - before.cpuMs) / settings.count).toFixed(2)} ms (harness: ${((process.cpuUsage().user + process.cpuUsage().system) / 1000 / sent).toFixed(2)} ms)`],
      ['RSS after start-up', mb(atStart.rss)],
      ['RSS before (after warm-up, GC)', `${mb(before.rss)} (heap ${mb(before.heapUsed)})`],
      ['RSS after (GC)', `${mb(after.rss)} (heap ${mb(after.heapUsed)})`],
      ['RSS growth', `${(growth * 100).toFixed(1)}% (target <= ${TARGET_GROWTH * 100}%)`],
      ['bot peak RSS', mb(after.peakRss)],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    process.stdout.write(`| ${'measure'.padEnd(width)} | value |\n|${'-'.repeat(width + 2)}|-------|\n`);
    for (const [name, value] of rows) process.stdout.write(`| ${name.padEnd(width)} | ${value} |\n`);
    if (settings.json) {
      const figures: LoadFigures = {
        count: settings.count, answeredOnce: answered, lost, duplicated,
        p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99, max: sorted.at(-1) ?? NaN,
        botPeakRssMb: after.peakRss / 1024 / 1024,
      };
      process.stdout.write(`${JSON.stringify(figures)}\n`);
    }

    const failures = [
      ...(okCounts ? [] : ['not every interaction was answered exactly once']),
      ...(p99 <= TARGET_P99_MS ? [] : [`p99 ${p99.toFixed(1)} ms is over ${TARGET_P99_MS} ms`]),
      ...(growth <= TARGET_GROWTH ? [] : [`memory grew ${(growth * 100).toFixed(1)}%`]),
    ];
    for (const failure of failures) process.stderr.write(`loadtest: ${failure}\n`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    if (child.connected) child.send('stop');
    const stopped = await Promise.race([exited, sleep(5000).then(() => 'timeout' as const)]);
    if (stopped === 'timeout') child.kill('SIGKILL');
    await fake.stop();
    await rm(logFile, { force: true });
  }
}

const settings = parseArgs(process.argv.slice(2));
if (settings) process.exitCode = await run(settings);
