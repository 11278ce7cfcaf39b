import { isIP } from 'node:net';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { CommonErrors } from '../errors/common.errors';

/**
 * Per-address limits key on `req.ip`, which Fastify takes from X-Forwarded-For as far as
 * TRUST_PROXY allows. Whatever a trusted hop forwarded must then be an IP address: anything else
 * would give its sender a fresh rate-limit bucket per made-up value.
 */
export function clientAddressGuard() {
  return (req: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (isIP(req.ip) !== 0) return done();
    done(
      new CommonErrors('INVALID_CLIENT_ADDRESS', {
        errors: [{ path: 'x-forwarded-for', code: 'not_an_ip_address', message: 'must be an IP address' }],
      }),
    );
  };
}
