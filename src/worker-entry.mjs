// How a worker thread runs its TypeScript module when it cannot be bundled (see worker.ts): it loads tsx, then the
// module named by the last argument. JavaScript, because the worker must load tsx itself: Node 20 does not apply
// `--import tsx` from a worker's execArgv (nodejs/node#47747), and under vitest the parent has no tsx to pass on.
import { register } from 'tsx/esm/api';

register();
await import(process.argv.at(-1));
