import { type ApiClient, createApiClient, signIn, type SignedIn } from '@attune/api-client';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './app';
import { cookieHeader, createAccount, type LoggedIn } from './auth';

const listening = new WeakMap<TestApp, Promise<string>>();

async function listen(app: TestApp): Promise<string> {
  await app.app.listen(0, '127.0.0.1');
  const { port } = (app.app.getHttpServer() as Server).address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/**
 * The test app's base URL for the typed client (@attune/api-client, the same one e2e uses). It
 * listens on an ephemeral port the first time one is asked for; supertest needs no port.
 */
export function baseUrlOf(app: TestApp): Promise<string> {
  const known = listening.get(app);
  if (known) return known;
  const url = listen(app);
  listening.set(app, url);
  return url;
}

/** A typed client carrying a session already logged in (cookie + CSRF header), so no second login is spent. */
export async function clientFor(app: TestApp, session: LoggedIn): Promise<ApiClient> {
  return createApiClient(await baseUrlOf(app), { cookie: cookieHeader(session.cookies), 'X-CSRF-Token': session.csrfToken });
}

/** A new account (real argon2id), signed in over HTTP with the typed client. */
export async function researcherClient(app: TestApp, options: { isAdmin?: boolean } = {}): Promise<SignedIn> {
  return signIn(await baseUrlOf(app), await createAccount(app, options));
}
