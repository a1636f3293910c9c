/**
 * The command-line contract shared by the newsbot commands: flags, exit codes,
 * one-line errors, colour choice and the run-when-executed guard.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { NewsbotError } from '../errors.js';
import { isUrl } from '../ingest/source.js';
import { renderError } from '../render/terminal.js';

/**
 * A path the user typed, resolved against the folder they ran npm from
 * (`INIT_CWD`: npm runs scripts in the project folder, wherever it was typed),
 * else the working directory; an http(s) address as it is. Errors then quote
 * the full path that was tried.
 */
export function userPath(path: string, env: Record<string, string | undefined>): string {
  return isUrl(path) ? path : resolve(env.INIT_CWD || process.cwd(), path);
}

/** A bad command line: the caller prints the message and exits with `EXIT_USAGE`. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(`newsbot: ${message}`);
  }
}

export const EXIT_OK = 0;
/** A bad corpus or any other failure while running. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Which flags a command accepts beyond `--corpus PATH` and `--help`. */
export interface CommandSpec {
  json?: boolean;
  /** Whether free words (a question, files) may follow the flags. */
  positionals?: boolean;
  /** Whether `--predictions OUT.json` is accepted (eval). */
  predictions?: boolean;
  /** Whether `--corpus` may be repeated, each a path or an http(s) address (ask, repl). Otherwise it may be given once. */
  corpora?: boolean;
  /** Whether `--document ID` is accepted (ask). */
  document?: boolean;
  /** Whether `--cv` is accepted (eval). */
  cv?: boolean;
}

export interface CliArgs {
  /** The one `--corpus`, for commands that take one; the first of several otherwise. */
  corpus: string | undefined;
  /** Every `--corpus`, in order (`--corpus a.html --corpus https://...`). */
  corpora: string[];
  /** `--document ID`: ask that one document only. */
  document: string | undefined;
  json: boolean;
  help: boolean;
  /** `--cv`: the cross-validated figures of the models instead of the test sets' (eval). */
  cv: boolean;
  predictions: string | undefined;
  positionals: string[];
}

/**
 * Parses argv (without `node` and the script). `--` ends the flags. Throws
 * `UsageError`, also for a flag of this command that npm took for itself
 * (`npm run ask --json "q"`, without `--`): npm then sets `npm_config_json`
 * in `env` and passes only the question on.
 */
export function parseCliArgs(argv: readonly string[], spec: CommandSpec = {}, env: Record<string, string | undefined> = {}): CliArgs {
  const flags = ['corpus', ...(['json', 'predictions', 'document', 'cv'] as const).filter((flag) => spec[flag])];
  const swallowed = flags.find((flag) => env[`npm_config_${flag}`]);
  if (swallowed) {
    const command = env.npm_lifecycle_event ?? '<command>';
    throw new UsageError(`npm took --${swallowed} for itself: put newsbot's options after --, as in npm run ${command} -- --${swallowed} ...`);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: spec.positionals ?? false,
      options: {
        corpus: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        ...(spec.json ? { json: { type: 'boolean' } } : {}),
        ...(spec.predictions ? { predictions: { type: 'string' } } : {}),
        ...(spec.document ? { document: { type: 'string' } } : {}),
        ...(spec.cv ? { cv: { type: 'boolean' } } : {}),
      },
    });
  } catch (error) {
    if (isParseArgsError(error)) throw new UsageError(`${oneLine(error.message)} (see --help)`);
    throw error;
  }
  const { corpus: corpora = [], help, json, cv, predictions, document } = parsed.values as { corpus?: string[]; help?: boolean; json?: boolean; cv?: boolean; predictions?: string; document?: string };
  if (corpora.includes('')) throw new UsageError('--corpus needs a path (see --help)');
  if (corpora.length > 1 && !spec.corpora) throw new UsageError('--corpus may be given once here (see --help)');
  if (predictions === '') throw new UsageError('--predictions needs a file name (see --help)');
  if (document === '') throw new UsageError('--document needs a document id (see --help)');
  return { corpus: corpora[0], corpora, document, json: json ?? false, help: help ?? false, cv: cv ?? false, predictions, positionals: parsed.positionals };
}

function isParseArgsError(error: unknown): error is Error {
  const code: unknown = (error as { code?: unknown } | undefined)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The streams and environment a command runs with: `process` itself, or fakes in tests. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/** Colour only for a person at a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(io: Pick<CliIo, 'env'> & Partial<Pick<CliIo, 'stdout'>>, stream: { isTTY?: boolean } | undefined = io.stdout): boolean {
  return stream?.isTTY === true && !io.env.NO_COLOR;
}

/** Prints any error as one line on stderr, never a stack trace, and returns the exit code it deserves. */
export function reportFailure(error: unknown, io: Pick<CliIo, 'stderr' | 'env'>): number {
  const usage = error instanceof UsageError;
  const message =
    usage || error instanceof NewsbotError
      ? error.message
      : `newsbot: unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  io.stderr.write(`${renderError(oneLine(message), { color: wantsColor(io, io.stderr) })}\n`);
  return usage ? EXIT_USAGE : EXIT_FAILURE;
}

/** Runs a command with the real process when `moduleUrl` is the script node was started with, and not when a test imports it. */
export function runIfMain(moduleUrl: string, run: (argv: string[], io: CliIo) => Promise<number>): void {
  const entry = process.argv[1];
  if (entry === undefined || !samePath(entry, fileURLToPath(moduleUrl))) return;
  // `ask ... | head -1` closes the pipe early; that is the reader's choice, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? EXIT_OK : EXIT_FAILURE));
  run(process.argv.slice(2), process)
    .catch((error: unknown) => reportFailure(error, process))
    .then((code) => {
      process.exitCode = code;
    });
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}
