/**
 * Preloaded (`node --import`) into the entry points the benchmark runs, so each
 * reports its own peak resident memory (getrusage's `ru_maxrss`, worker threads
 * included) however it ends: written, in kilobytes, to the file named by
 * `NEWSBOT_PEAK_RSS_FILE` when the process exits.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.NEWSBOT_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
