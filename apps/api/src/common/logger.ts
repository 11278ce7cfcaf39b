import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Never pass request bodies, answers, free text or tokens to these
 * functions: the redact list is a seatbelt, not the rule.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'attune-api' },
    redact: {
      paths: ['password', 'token', 'authorization', 'cookie', 'answers', '*.password', '*.token'],
      censor: '[redacted]',
    },
  });
}

/** Routes Nest's own log lines through pino so every line is JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
