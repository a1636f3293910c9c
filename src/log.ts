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
 * Interaction and webhook tokens sit in Discord URLs (`/interactions/:id/:token/callback`,
 * `/webhooks/:app/:token`) and let anyone post as the bot for 15 minutes, so no log line keeps one.
 */
const URL_TOKEN = /(\/(?:interactions|webhooks)\/\d+\/)[^/?"\s\\]+/g;

/**
 * pino's error serializer, minus what discord.js errors carry besides the failure: `requestBody`
 * is the message being sent, which quotes the user's question.
 */
function serializeError(error: Error): Record<string, unknown> {
  const { requestBody: _content, ...rest } = pino.stdSerializers.err(error) as Record<string, unknown>;
  return rest;
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
    { level: options.level ?? 'info', base: { app: 'newsbot' }, redact: ['token', '*.token', 'headers.authorization'], serializers: { err: serializeError } },
    {
      write(line: string) {
        let clean = line.replace(URL_TOKEN, '$1[token]');
        for (const secret of secrets) clean = clean.split(secret).join('[redacted]');
        destination.write(clean);
      },
    },
  );
}

export type { Logger };
