import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Logger } from 'pino';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const STARTED = Symbol('started');

type TimedRequest = FastifyRequest & { [STARTED]?: bigint };

export function requestIdOf(req: FastifyRequest): string {
  return typeof req.id === 'string' && req.id !== '' ? req.id : 'unknown';
}

/** Gives every request an id (kept from X-Request-Id when it is safe), also sent back as X-Request-Id. */
export function requestContext() {
  return (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    (req as TimedRequest)[STARTED] = process.hrtime.bigint();
    reply.header('X-Request-Id', id);
    done();
  };
}

/**
 * One line per answered request. It logs the matched route pattern, never the raw URL:
 * participant links carry capability tokens in their paths.
 */
export function requestLog(logger: Logger) {
  return (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (logger.isLevelEnabled('info')) {
      const started = (req as TimedRequest)[STARTED];
      logger.info(
        {
          requestId: requestIdOf(req),
          method: req.method,
          route: req.routeOptions.url ?? 'unmatched',
          status: reply.statusCode,
          ms: started === undefined ? null : Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    }
    done();
  };
}
