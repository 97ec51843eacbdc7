import pino, { type Logger } from 'pino';
import type { Config } from '../config';

/**
 * Builds the process logger: JSON lines on stdout.
 * @remarks Message text is never logged at `info`; fields that could carry it are redacted as a second guard.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'sarcoma-triage-bot' },
      redact: {
        paths: ['text', 'activity.text', '*.text', 'req.headers.authorization', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
