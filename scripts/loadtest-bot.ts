// The bot under load (run by scripts/loadtest.ts, not by hand): npm start's main() in its own process,
// so its memory is measured apart from the fake Discord's, plus an IPC channel through which the load
// test asks for memory figures after a full GC (node --expose-gc) and tells it to stop.
import { main } from '../src/discord/main.js';

export interface MemoryFigures {
  rss: number;
  heapUsed: number;
  /** CPU time (user + system) the bot has used so far, in ms. */
  cpuMs: number;
  /** The most RSS the bot has held since it started (getrusage), in bytes. */
  peakRss: number;
}

const send = (message: unknown): void => void process.send?.(message);

// The environment comes from the load test only: a developer's .env must not change the figures.
const bot = await main(process.env);
if (!bot || !process.send) {
  process.exitCode = 1;
} else {
  process.on('message', (message) => {
    if (message === 'memory') void measure().then((figures) => send({ memory: figures }));
    if (message === 'stop') void bot.stop().then(() => process.exit(0));
  });
  // If the load test dies, do not linger.
  process.once('disconnect', () => void bot.stop().then(() => process.exit(0)));
  send('ready');
}

async function measure(): Promise<MemoryFigures> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  // Twice, with a turn of the event loop between, so objects freed by finalizers are gone too.
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  return { rss, heapUsed, cpuMs: (user + system) / 1000, peakRss: process.resourceUsage().maxRSS * 1024 };
}
