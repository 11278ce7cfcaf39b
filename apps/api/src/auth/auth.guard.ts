import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ADMIN_ROUTE, PUBLIC_ROUTE } from './auth.decorators';
import { AuthError } from './auth.errors';
import { AuthService } from './auth.service';
import { bearerTokenOf, CSRF_HEADER, headerOf, sessionSecretOf } from './cookies';
import type { AuthenticatedRequest, Principal } from './principal';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: every route needs a researcher unless marked @Public(). Bearer tokens are not
 * ambient credentials, so only cookie sessions need the CSRF header on state-changing requests.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(req);
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ROUTE, targets) && !principal.isAdmin) {
      throw new AuthError('ADMIN_REQUIRED');
    }
    req.principal = principal;
    return true;
  }

  private async authenticate(req: AuthenticatedRequest): Promise<Principal> {
    const bearer = bearerTokenOf(req);
    if (bearer) {
      const principal = await this.auth.resolveAccessToken(bearer);
      if (!principal) throw new AuthError('UNAUTHENTICATED');
      return principal;
    }
    const secret = sessionSecretOf(req);
    const session = secret ? await this.auth.resolveSession(secret) : null;
    if (!session) throw new AuthError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(req.method)) this.auth.checkCsrf(session.csrfToken, headerOf(req, CSRF_HEADER));
    return session.principal;
  }
}
