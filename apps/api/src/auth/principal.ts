import type { Request } from 'express';

/** Who is calling: a researcher account, reached through a browser session or an access token. */
export interface Principal {
  readonly userId: string;
  readonly email: string;
  readonly isAdmin: boolean;
  readonly via: 'session' | 'token';
}

export type AuthenticatedRequest = Request & { principal?: Principal };
