import 'server-only';
import { apiBaseUrl } from '../api/base-url';
import { fetchFailureReason, unreachableProblem } from '../api/problem';
import { logServerError } from '@/lib/log';

/*
 * RFC 9110 section 7.6.1 connection-specific fields; Host, which must name the API, not us; and
 * Expect, because Node's server already answered the 100-continue and undici's fetch rejects it.
 */
const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'expect',
]);

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BODYLESS_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** Fields named in Connection are hop-by-hop too. */
function connectionScoped(source: Headers): Set<string> {
  const names = (source.get('connection') ?? '').split(',').map((name) => name.trim().toLowerCase());
  return new Set([...HOP_BY_HOP, ...names.filter((name) => name !== '')]);
}

function requestIdOf(request: Request): string {
  const incoming = request.headers.get('x-request-id');
  return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * Next's server has already filled x-forwarded-for/-proto/-host from the socket when the client
 * sent none, and keeps the client's when it did, so public installs need a reverse proxy in front
 * that overwrites them. Route handlers cannot see the socket, so there is no honest fallback for
 * the client address; host and scheme can still be derived from the request.
 */
function upstreamHeaders(request: Request, requestId: string): Headers {
  const url = new URL(request.url);
  const dropped = connectionScoped(request.headers);
  const out = new Headers();
  request.headers.forEach((value, name) => {
    if (!dropped.has(name)) out.set(name, value);
  });
  if (!out.has('x-forwarded-host')) out.set('x-forwarded-host', request.headers.get('host') ?? url.host);
  if (!out.has('x-forwarded-proto')) out.set('x-forwarded-proto', url.protocol.replace(':', ''));
  out.set('x-request-id', requestId);
  return out;
}

function downstreamHeaders(upstream: Response): Headers {
  const dropped = connectionScoped(upstream.headers);
  const out = new Headers();
  upstream.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && !dropped.has(name)) out.set(name, value);
  });
  // Appended one by one: joining Set-Cookie values with commas would corrupt Expires dates.
  for (const cookie of upstream.headers.getSetCookie()) out.append('set-cookie', cookie);
  // fetch has already decoded a compressed body, so its encoding and length no longer apply.
  if (out.has('content-encoding')) {
    out.delete('content-encoding');
    out.delete('content-length');
  }
  return out;
}

function unreachable(requestId: string): Response {
  return new Response(JSON.stringify(unreachableProblem(requestId)), {
    status: 502,
    headers: { 'content-type': 'application/problem+json', 'x-request-id': requestId, 'cache-control': 'no-store' },
  });
}

/**
 * Forwards one browser request to the API and streams the answer back unchanged, so the browser
 * only ever talks to the dashboard's origin (one cookie scope, no CORS).
 */
export async function forwardToApi(request: Request): Promise<Response> {
  const { pathname, search } = new URL(request.url);
  const requestId = requestIdOf(request);
  const hasBody = !BODYLESS_METHODS.has(request.method) && request.body !== null;
  const init: RequestInit & { duplex?: 'half' } = {
    method: request.method,
    headers: upstreamHeaders(request, requestId),
    body: hasBody ? request.body : null,
    redirect: 'manual',
    signal: request.signal,
    ...(hasBody ? { duplex: 'half' } : {}),
  };
  let upstream: Response;
  try {
    upstream = await fetch(`${apiBaseUrl()}${pathname}${search}`, init);
  } catch (error) {
    // The path is not logged: participant links carry capability tokens in their paths.
    logServerError('API unreachable', { method: request.method, requestId, reason: fetchFailureReason(error) });
    return unreachable(requestId);
  }
  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: downstreamHeaders(upstream),
  });
}
