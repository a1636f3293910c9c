/**
 * A cold start: a fresh process that loads an engine, from its saved index
 * (`persisted`) or by indexing the corpus (`fresh`), and answers one question.
 * The parent times it from spawning to the answer line.
 *
 * Usage: tsx bench/cold.ts DATASET ENGINE persisted|fresh
 */
import { join } from 'node:path';
import { indexDir, readDataset, WORK_DIR, type DatasetName } from './datasets.js';
import { createEngine, type EngineName } from './engines.js';

const [name, engineName, mode] = process.argv.slice(2) as [DatasetName, EngineName, 'persisted' | 'fresh'];
const dataset = await readDataset(name);
// A fresh start gets a folder of its own: newsbot saves its snapshot there, as a first start of the bot does.
const engine = await createEngine(engineName, dataset.corpus, mode === 'persisted' ? indexDir(name) : join(WORK_DIR, 'fresh', name));
if (mode === 'persisted') await engine.load();
else await engine.build();
process.stdout.write(`${await engine.top(dataset.questions[0]?.question ?? '')}\n`);
