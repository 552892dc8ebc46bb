import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Secrets and prompt texts are redacted wherever they might appear. */
export function createLogger(level: string, fd: 1 | 2 = 1): Logger {
  return pino(
    {
    level,
    base: { service: 'leitplanke' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.apiKey',
        '*.api_key',
        '*.secret',
      ],
      censor: '[redacted]',
    },
    },
    pino.destination({ fd, sync: false }),
  );
}
