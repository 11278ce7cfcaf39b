import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';

const DATABASE_FIELDS = ['code', 'constraint', 'table', 'column', 'routine'] as const;

/** A database error: TypeORM's QueryFailedError (query, parameters, driverError) or pg's own (severity, code). */
function databaseFields(error: Error): Record<string, unknown> | null {
  const record = error as unknown as Record<string, unknown>;
  const driver = record['driverError'];
  const source = typeof driver === 'object' && driver !== null ? (driver as Record<string, unknown>) : 'severity' in record ? record : null;
  if (!source && !('query' in record) && !('parameters' in record)) return null;
  return Object.fromEntries(DATABASE_FIELDS.flatMap((field) => (typeof source?.[field] === 'string' ? [[field, source[field]]] : [])));
}

/**
 * The error serializer: pino's standard one copies every enumerable property, which for a failed
 * query means its text, its parameters (on submit: every answer and the consent hash) and the
 * server's detail ("Key (x)=(value) already exists"). A database error keeps only its codes and
 * the names of the constraint, table and column; the message too can quote a value, so it goes.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const database = databaseFields(error);
  if (database) return { type: error.name, ...database };
  return { type: error.name, message: error.message, stack: error.stack };
}

/**
 * Structured JSON logs. Never pass request bodies, answers, free text or tokens to these
 * functions: the redact list and the error serializer are seatbelts, not the rule.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'attune-api' },
    serializers: { err: safeError, error: safeError },
    redact: {
      paths: ['password', 'token', 'authorization', 'cookie', 'answers', '*.password', '*.token'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
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
