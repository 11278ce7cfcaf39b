import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { CommonErrors } from '../errors/common.errors';
import { DomainError } from '../errors/domain-error';
import { problemType, sendProblem } from './problem';
import { requestIdOf } from './request-context';

const STATUS_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

// Fastify reports its own body and URL failures with a code; they arrive before any controller runs.
const FRAMEWORK_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_BODY',
};

type ErrorCode = ConstructorParameters<typeof CommonErrors>[0];

interface ClientFault {
  readonly code?: unknown;
  readonly statusCode?: unknown;
}

/**
 * Errors that Fastify and zlib raise before any controller, for the client's fault: they carry a
 * code (and Fastify's a 4xx statusCode) but no DomainError, so they are named here.
 */
function clientFault(error: ClientFault): DomainError | undefined {
  const code = typeof error.code === 'string' ? error.code : '';
  if (FRAMEWORK_CODES[code]) return new CommonErrors(FRAMEWORK_CODES[code] as ErrorCode);
  // The router's undecodable path (a percent-escape that is not UTF-8).
  if (code === 'FST_ERR_BAD_URL')
    return new CommonErrors('MALFORMED_URL', {
      errors: [{ path: 'url', code: 'MALFORMED_URL', message: 'a path segment is not valid percent-encoded UTF-8' }],
    });
  // zlib's codes (Z_DATA_ERROR, Z_BUF_ERROR; brotli's ERR__ERROR_FORMAT_…): a body labelled gzip, deflate or br that is not.
  if (code.startsWith('Z_') || code.startsWith('ERR__')) {
    return new CommonErrors('MALFORMED_BODY', {
      errors: [{ path: 'content-encoding', code: 'MALFORMED_BODY', message: 'the body is not encoded as Content-Encoding says' }],
    });
  }
  if (typeof error.statusCode !== 'number' || error.statusCode < 400 || error.statusCode > 499 || !code.startsWith('FST_'))
    return undefined;
  const named = STATUS_CODES[error.statusCode];
  return named ? new CommonErrors(named as ErrorCode) : undefined;
}

/** Maps anything thrown to a DomainError; unknown errors become a generic 500. */
export function toDomainError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (error instanceof HttpException) {
    const code = STATUS_CODES[error.getStatus()];
    if (code) return new CommonErrors(code as ErrorCode);
  }
  return typeof error === 'object' && error !== null ? clientFault(error) : undefined;
}

export function problemHandler(logger: Logger) {
  return (error: unknown, req: FastifyRequest, res: FastifyReply): void => {
    const requestId = requestIdOf(req);
    const known = toDomainError(error);
    if (!known) {
      logger.error({ requestId, err: error }, 'unhandled error');
    }
    const problem = known ?? new CommonErrors('INTERNAL');
    sendProblem(
      res,
      {
        ...problem.extensions,
        type: problemType(problem.code),
        title: problem.title,
        status: problem.status,
        code: problem.code,
        ...(problem.detail === undefined ? {} : { detail: problem.detail }),
        ...(problem.errors === undefined ? {} : { errors: problem.errors }),
        requestId,
      },
      problem.headers,
    );
  };
}

/** The one global filter: every error leaves the API as application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly handle: ReturnType<typeof problemHandler>;

  constructor(logger: Logger) {
    this.handle = problemHandler(logger);
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.handle(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}
