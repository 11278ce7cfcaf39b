import type { FastifyRequest } from 'fastify';

/** Who is calling: a researcher account, reached through a browser session or an access token. */
export interface Principal {
  readonly userId: string;
  readonly email: string;
  readonly isAdmin: boolean;
  readonly via: 'session' | 'token';
}

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };
