import type { NextFunction, Request, Response } from 'express';
import { isIP } from 'node:net';
import type { Logger } from 'pino';
import { CommonErrors } from '../errors/common.errors';
import { problemHandler } from './problem.filter';

/**
 * Per-address limits key on `req.ip`, which Express takes from X-Forwarded-For as far as
 * TRUST_PROXY allows. Whatever a trusted hop forwarded must then be an IP address: anything else
 * would give its sender a fresh rate-limit bucket per made-up value.
 */
export function clientAddressGuard(logger: Logger) {
  const refuse = problemHandler(logger);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (isIP(req.ip ?? '') === 0) {
      refuse(
        new CommonErrors('INVALID_CLIENT_ADDRESS', {
          errors: [{ path: 'x-forwarded-for', code: 'not_an_ip_address', message: 'must be an IP address' }],
        }),
        req,
        res,
      );
      return;
    }
    next();
  };
}
