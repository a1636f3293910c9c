import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

/** How the bot logs. */
export interface LoggerOptions {
  /** pino level. Default `info`. */
  level?: LogLevel;
  /** Strings that must never appear in a log line (the token); each is replaced by `[redacted]`. Default none. */
  secrets?: readonly string[];
  /** Where lines go. Default stdout. */
  destination?: { write(line: string): unknown };
}

/**
 * A pino logger whose every line is scrubbed of the secrets before it is
 * written, whatever field or error message they hide in: redacting known
 * paths is not enough when discord.js puts the token in an error.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 8);
  const destination = options.destination ?? process.stdout;
  return pino(
    { level: options.level ?? 'info', base: { app: 'newsbot' }, redact: ['token', '*.token', 'headers.authorization'] },
    {
      write(line: string) {
        let clean = line;
        for (const secret of secrets) clean = clean.split(secret).join('[redacted]');
        destination.write(clean);
      },
    },
  );
}

export type { Logger };
