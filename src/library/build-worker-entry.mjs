// The entry point of the worker thread that indexes a library (see build-in-worker.ts). It is JavaScript because
// the worker must load tsx itself: Node 20 does not apply `--import tsx` from a worker's execArgv
// (nodejs/node#47747), and under vitest the parent has no tsx to pass on. So it works the same under
// `tsx index.ts`, `node --import tsx` and vitest.
import { register } from 'tsx/esm/api';

register();
await import('./build-worker.ts');
