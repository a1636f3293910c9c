/**
 * The one error type the engine throws on bad input. Its message always starts
 * with `newsbot:` and quotes the offending value, so front ends can show it as is
 * (a one-line message, never a stack trace).
 */
export class NewsbotError extends Error {
  override readonly name = 'NewsbotError';
  constructor(message: string) {
    super(`newsbot: ${message}`);
  }
}

/** Quotes a user-supplied value for an error message, shortened so a huge value stays one readable line. */
export function quoteValue(value: string, max = 80): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine);
}
