import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
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

// body-parser reports its own failures with a `type`; they arrive before any controller runs.
const BODY_PARSER_CODES: Record<string, string> = {
  'entity.parse.failed': 'MALFORMED_JSON',
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'encoding.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'charset.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
};

type ErrorCode = ConstructorParameters<typeof CommonErrors>[0];

interface ClientFault {
  readonly type?: unknown;
  readonly code?: unknown;
  readonly status?: unknown;
  readonly expose?: unknown;
}

/**
 * Errors that Express and body-parser raise before any controller, for the client's fault: they
 * carry an exposed 4xx status (http-errors) but no DomainError, so they are named here.
 */
function clientFault(error: ClientFault): DomainError | undefined {
  if (typeof error.type === 'string' && BODY_PARSER_CODES[error.type]) return new CommonErrors(BODY_PARSER_CODES[error.type] as ErrorCode);
  // The router's "Failed to decode param" (a percent-escape that is not UTF-8); it sets status 400 but not expose.
  if (error instanceof URIError && error.status === 400)
    return new CommonErrors('MALFORMED_URL', {
      errors: [{ path: 'url', code: 'MALFORMED_URL', message: 'a path segment is not valid percent-encoded UTF-8' }],
    });
  if (error.expose !== true || typeof error.status !== 'number' || error.status < 400 || error.status > 499) return undefined;
  // zlib's codes (Z_DATA_ERROR, Z_BUF_ERROR): a body labelled gzip or deflate that is not.
  if (typeof error.code === 'string' && error.code.startsWith('Z_')) {
    return new CommonErrors('MALFORMED_BODY', {
      errors: [{ path: 'content-encoding', code: 'MALFORMED_BODY', message: 'the body is not encoded as Content-Encoding says' }],
    });
  }
  const code = STATUS_CODES[error.status];
  return code ? new CommonErrors(code as ErrorCode) : undefined;
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
  return (error: unknown, req: Request, res: Response): void => {
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
    this.handle(error, http.getRequest<Request>(), http.getResponse<Response>());
  }
}
