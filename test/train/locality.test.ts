import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultModel } from '../../src/answer/default-model.js';
import { loadSquad, type EvalSet } from '../../src/eval/squad.js';
import { fitLocality } from '../../src/train/locality.js';

/** Two paragraphs that end in sentences a follow-up matches equally well: which one answers depends on the paragraph the conversation is in. */
const FIXTURE = resolve(fileURLToPath(import.meta.url), '../fixtures/tiny-conversations.json');
let ferries: EvalSet;
beforeAll(async () => {
  ferries = await loadSquad(FIXTURE);
});

describe('train/locality', () => {
  it('fits a prior for the previous answer\'s paragraph when follow-ups are answered there, the smallest that does', () => {
    const fitted = fitLocality([ferries], defaultModel());
    expect(fitted).toMatchObject({ right: 2, rightWithout: 1, followUps: 2 });
    // Alone, a file is held out from nothing to fit on: no prior.
    expect(fitted.heldOut).toBe(1);
    expect(fitted.locality.paragraph).toBe(0.5);
    expect(fitted.locality.sentence).toBe(0);
    // Its follow-ups are read as asked: no words put in to weigh less.
    expect(fitted.locality.referent).toBe(1);
  });

  it('scores each file under the prior fitted on the other folds\' files', () => {
    const fitted = fitLocality([ferries, ferries], defaultModel());
    expect(fitted).toMatchObject({ right: 4, rightWithout: 2, heldOut: 4, followUps: 4 });
  });

  it('fits no prior when no question follows another', () => {
    const alone = { ...ferries, conversations: [['a1'], ['b1']] };
    expect(fitLocality([alone], defaultModel())).toEqual({ locality: { sentence: 0, paragraph: 0, referent: 1 }, right: 0, rightWithout: 0, heldOut: 0, followUps: 0 });
  });
});
