import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';

export const SESSION_COOKIE = 'attune_session';
export const CSRF_COOKIE = 'attune_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** What reading a credential needs of a request: its headers and parsed cookies. */
export interface CredentialSource {
  readonly headers: IncomingHttpHeaders;
  readonly cookies?: unknown;
}

/** One header's value; a repeated header counts as absent rather than guessed. */
export function headerOf(req: { readonly headers: IncomingHttpHeaders }, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

function base(req: FastifyRequest, publicUrl: string): CookieSerializeOptions {
  const secure = req.protocol === 'https' || publicUrl.startsWith('https:');
  return { sameSite: 'lax', secure, path: '/' };
}

export function setSessionCookies(
  req: FastifyRequest,
  reply: FastifyReply,
  publicUrl: string,
  login: { sessionSecret: string; csrfToken: string; expiresAt: Date },
): void {
  const options = { ...base(req, publicUrl), expires: login.expiresAt };
  reply.setCookie(SESSION_COOKIE, login.sessionSecret, { ...options, httpOnly: true });
  // Readable by the page on purpose: the double-submit half of the CSRF defence.
  reply.setCookie(CSRF_COOKIE, login.csrfToken, { ...options, httpOnly: false });
}

export function clearSessionCookies(req: FastifyRequest, reply: FastifyReply, publicUrl: string): void {
  reply.clearCookie(SESSION_COOKIE, { ...base(req, publicUrl), httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, base(req, publicUrl));
}

export function sessionSecretOf(req: CredentialSource): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function bearerTokenOf(req: CredentialSource): string | undefined {
  const header = headerOf(req, 'authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}
