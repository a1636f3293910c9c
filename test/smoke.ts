import { Engine, type Answer } from '../src/index.js';

/**
 * The question the end-to-end tests ask of the bundled article. They check that
 * what reaches the user (Discord, the terminal) is what the engine answers
 * in-process, whatever that is: no test pins the answer to a question of an
 * evaluation set, which is the model's to get right and `npm run eval`'s to measure.
 */
export const SMOKE_QUESTION = 'who bought Norsat?';

let answer: Promise<Answer> | undefined;

/** The engine's answer to `SMOKE_QUESTION` on the bundled article, worked out once. */
export function smokeAnswer(): Promise<Answer> {
  answer ??= Engine.load({ cacheDir: false }).then((engine) => engine.ask(SMOKE_QUESTION));
  return answer;
}

/** The short answer to `SMOKE_QUESTION`, bold as Discord shows it. */
export async function smokeShortAnswer(): Promise<string> {
  return `**${(await smokeAnswer()).answer}**`;
}

/** The citation of the smoke answer's first quote (`¶8`). */
export async function smokeCitation(): Promise<string> {
  return `¶${(await smokeAnswer()).quotes[0]?.paragraph}`;
}
