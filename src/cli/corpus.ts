/** The engine the terminal commands answer from: the bundled article, one corpus, or several paths and addresses. */
import { Engine, isUrl, loadSources } from '../index.js';
import { loadWithinBudget } from '../heap.js';
import { userPath } from './args.js';

/**
 * No `--corpus`: the bundled article. One local path: `Engine.load`, which
 * keeps its index snapshot. Several, or an http(s) address: every document of
 * every corpus in one engine (a repeated id gets `-2`, `-3`). Addresses are fetched with the
 * bot's limits; private and loopback ones only when `ALLOW_PRIVATE_URLS=true`
 * is in the environment. Loaded through the start-up path every entry point
 * shares (`loadWithinBudget`).
 */
export function engineForCorpora(typed: readonly string[], env: Record<string, string | undefined>): Promise<Engine> {
  const corpora = typed.map((corpus) => userPath(corpus, env));
  const [only] = corpora;
  return loadWithinBudget(async () => {
    if (only === undefined) return Engine.load();
    if (corpora.length === 1 && !isUrl(only)) return Engine.load({ corpus: only });
    return Engine.fromDocuments(await loadSources(corpora, { allowPrivate: env.ALLOW_PRIVATE_URLS?.trim().toLowerCase() === 'true' }));
  });
}
