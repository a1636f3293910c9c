import { expect } from 'vitest';
import { NewsbotError } from '../src/errors.js';

/** The message of the `NewsbotError` a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(NewsbotError);
  return (error as Error).message;
}
