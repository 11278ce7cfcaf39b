import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { AuthError } from './auth.errors';
import type { AuthenticatedRequest, Principal } from './principal';

export const PUBLIC_ROUTE = 'attune:public';
export const ADMIN_ROUTE = 'attune:admin';

/** Opts a route out of researcher authentication (health, login, participant routes). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const AdminOnly = () => SetMetadata(ADMIN_ROUTE, true);

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new AuthError('UNAUTHENTICATED');
  return principal;
});
