import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema';

export type ApiClient = Client<paths>;
export type Schemas = components['schemas'];

/**
 * A typed client for the API at `baseUrl`: the API itself (API tests) or the dashboard's /api
 * pass-through (e2e). Paths carry their /api prefix, as in openapi.json.
 */
export function createApiClient(baseUrl: string, headers: Record<string, string> = {}): ApiClient {
  return createClient<paths>({ baseUrl, headers });
}

/** A call that did not answer 2xx: its status and problem+json body, so a failing set-up says why. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
    what: string,
  ) {
    super(`${what} → ${status} ${JSON.stringify(problem)}`);
  }
}

interface Answered<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * The data of a call that must succeed. Set-up is not under test: a refusal throws instead of
 * making every builder check `error`. A 204 resolves to undefined.
 */
export async function must<T>(call: Promise<Answered<T>>, what: string): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiCallError(response.status, error, what);
  return data as T;
}

/** The `name=value` pairs a browser would send back (cleared cookies left out). */
function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';', 1)[0] ?? '')
    .filter((pair) => pair !== '' && !pair.endsWith('='))
    .join('; ');
}

export interface SignedIn {
  readonly client: ApiClient;
  readonly userId: string;
}

/** Signs in with a password and returns a client carrying the session cookie and the CSRF header. */
export async function signIn(baseUrl: string, credentials: Schemas['LoginRequest']): Promise<SignedIn> {
  const { data, error, response } = await createApiClient(baseUrl).POST('/api/auth/login', { body: credentials });
  if (!data) throw new ApiCallError(response.status, error, 'sign in');
  const client = createApiClient(baseUrl, { cookie: cookieHeader(response), 'X-CSRF-Token': data.csrfToken });
  return { client, userId: data.user.id };
}
