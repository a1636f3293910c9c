// The entry point of every worker thread (see worker.ts): it loads tsx, then the TypeScript module named by the
// last argument. It is JavaScript because the worker must load tsx itself: Node 20 does not apply `--import tsx`
// from a worker's execArgv (nodejs/node#47747), and under vitest the parent has no tsx to pass on. So it works the
// same under `tsx index.ts`, `node --import tsx` and vitest.
import { register } from 'tsx/esm/api';

register();
await import(process.argv.at(-1));
