import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'attune_session';
export const CSRF_COOKIE = 'attune_csrf';
export const CSRF_HEADER = 'x-csrf-token';

function base(req: Request, publicUrl: string): CookieOptions {
  const secure = req.secure || publicUrl.startsWith('https:');
  return { sameSite: 'lax', secure, path: '/' };
}

export function setSessionCookies(
  req: Request,
  res: Response,
  publicUrl: string,
  login: { sessionSecret: string; csrfToken: string; expiresAt: Date },
): void {
  const options = { ...base(req, publicUrl), expires: login.expiresAt };
  res.cookie(SESSION_COOKIE, login.sessionSecret, { ...options, httpOnly: true });
  // Readable by the page on purpose: the double-submit half of the CSRF defence.
  res.cookie(CSRF_COOKIE, login.csrfToken, { ...options, httpOnly: false });
}

export function clearSessionCookies(req: Request, res: Response, publicUrl: string): void {
  res.clearCookie(SESSION_COOKIE, { ...base(req, publicUrl), httpOnly: true });
  res.clearCookie(CSRF_COOKIE, base(req, publicUrl));
}

export function sessionSecretOf(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function bearerTokenOf(req: Request): string | undefined {
  const header = req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}
