import type { Schemas } from '@attune/api-client';
import request from 'supertest';
import { AccountsService } from '../../src/auth/accounts.service';
import type { TestApp } from './app';

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

export interface LoggedIn {
  readonly cookies: string[];
  readonly csrfToken: string;
  readonly userId: string;
}

let counter = 0;

/** Factory: an account with a known password (real argon2id, real rows). */
export async function createAccount(app: TestApp, options: { isAdmin?: boolean } = {}): Promise<Credentials> {
  counter += 1;
  const credentials = { email: `person${counter}-${Date.now()}@example.org`, password: `correct horse ${counter} battery` };
  await app.app.get(AccountsService).createAccount({ ...credentials, isAdmin: options.isAdmin ?? false }, 'system');
  return credentials;
}

export function cookiesOf(res: request.Response): string[] {
  const header = res.headers['set-cookie'] as unknown;
  return Array.isArray(header) ? (header as string[]) : [];
}

/** The `name=value` pairs a browser would send back. */
export function cookieHeader(cookies: readonly string[]): string {
  return cookies
    .map((cookie) => cookie.split(';', 1)[0])
    .filter((pair) => !pair?.endsWith('='))
    .join('; ');
}

export async function login(app: TestApp, credentials: Credentials): Promise<LoggedIn> {
  const res = await request(app.http).post('/api/auth/login').send(credentials).expect(200);
  return {
    cookies: cookiesOf(res),
    csrfToken: (res.body as Schemas['LoginResponse']).csrfToken,
    userId: (res.body as Schemas['LoginResponse']).user.id,
  };
}

/** Issues a personal access token for scripted calls. */
export async function accessToken(app: TestApp, session: LoggedIn, name = 'test'): Promise<string> {
  const res = await request(app.http)
    .post('/api/auth/tokens')
    .set('Cookie', cookieHeader(session.cookies))
    .set('X-CSRF-Token', session.csrfToken)
    .send({ name })
    .expect(201);
  return (res.body as Schemas['IssuedAccessTokenResponse']).token;
}
