import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { apiBaseUrl } from './base-url';
import { CSRF_COOKIE, CSRF_HEADER, PARTICIPANT_TOKEN_HEADER, SESSION_COOKIE } from './cookie-names';
import { fetchFailureReason, problemFrom, unreachableProblem, type Problem } from './problem';
import type { paths } from './schema';
import { logServerError } from '@/lib/log';

export type ApiPaths = paths;
export type ApiClient = Client<ApiPaths>;

export type ApiResult<T> =
  | { readonly ok: true; readonly data: T; readonly response: Response }
  | { readonly ok: false; readonly problem: Problem; readonly response?: Response };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Forwarded so the API's per-client rate limits and audit see the browser, not the dashboard.
const FORWARDED = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'user-agent'] as const;

function forwardedHeaders(incoming: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FORWARDED) {
    const value = incoming.get(name);
    if (value) out[name] = value;
  }
  return out;
}

/** Double-submit CSRF: the API compares this header with the token stored for the session. */
function csrfMiddleware(csrf: string | undefined): Middleware {
  return {
    onRequest({ request }) {
      if (csrf && !SAFE_METHODS.has(request.method)) request.headers.set(CSRF_HEADER, csrf);
      return request;
    },
  };
}

/**
 * The one way the dashboard talks to the API: a typed openapi-fetch client that carries the
 * incoming request's session, built per request because cookies differ per request.
 */
export async function apiClient(): Promise<ApiClient> {
  const [jar, incoming] = await Promise.all([cookies(), headers()]);
  const client = createClient<ApiPaths>({
    baseUrl: apiBaseUrl(),
    cache: 'no-store',
    headers: { ...forwardedHeaders(incoming), ...sessionCookie(jar.get(SESSION_COOKIE)?.value) },
  });
  client.use(csrfMiddleware(jar.get(CSRF_COOKIE)?.value));
  return client;
}

// Only the API's own cookie travels on: other dashboard cookies are none of the API's business.
function sessionCookie(session: string | undefined): Record<string, string> {
  return session ? { cookie: `${SESSION_COOKIE}=${encodeURIComponent(session)}` } : {};
}

/**
 * The same client for a participant's reads during a server render (/p): no researcher session,
 * the capability token in the header the API expects, exactly as the phone itself would send it.
 */
export async function participantApiClient(token: string): Promise<ApiClient> {
  return createClient<ApiPaths>({
    baseUrl: apiBaseUrl(),
    cache: 'no-store',
    headers: { ...forwardedHeaders(await headers()), [PARTICIPANT_TOKEN_HEADER]: token },
  });
}

interface RawResult<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * Turns an openapi-fetch call into ok/problem. A network failure becomes API_UNREACHABLE instead
 * of an exception, so forms can say "try again" rather than crash.
 */
export async function settle<T>(call: Promise<RawResult<T>>): Promise<ApiResult<T>> {
  let result: RawResult<T>;
  try {
    result = await call;
  } catch (error) {
    const problem = unreachableProblem(crypto.randomUUID());
    logServerError('API unreachable', { requestId: problem.requestId, reason: fetchFailureReason(error) });
    return { ok: false, problem };
  }
  const { data, error, response } = result;
  if (response.ok) return { ok: true, data: data as T, response };
  return { ok: false, problem: problemFrom(error, response), response };
}

/** A researcher call whose session expired sends the browser to the login page. */
export function signedIn<T>(result: ApiResult<T>): ApiResult<T> {
  if (!result.ok && result.problem.status === 401) redirect('/login');
  return result;
}
