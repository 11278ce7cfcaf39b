import 'server-only';
import { cookies, headers } from 'next/headers';
import { CSRF_COOKIE, SESSION_COOKIE } from '../api/cookie-names';
import { parseSetCookie } from './set-cookie';

const SESSION_COOKIES: ReadonlySet<string> = new Set([SESSION_COOKIE, CSRF_COOKIE]);

/** Browsers drop Secure cookies on plain http, which is how local installs run. */
async function requestIsHttps(): Promise<boolean> {
  return (await headers()).get('x-forwarded-proto') === 'https';
}

/**
 * The API answered the login on the server side, so its Set-Cookie never reached the browser.
 * Re-issue exactly the session cookies from the dashboard's own origin, keeping their lifetime
 * and flags, so later browser requests (pages and the /api pass-through) carry them.
 */
export async function storeSessionCookies(apiResponse: Response): Promise<void> {
  const jar = await cookies();
  const secure = await requestIsHttps();
  for (const header of apiResponse.headers.getSetCookie()) {
    const cookie = parseSetCookie(header);
    if (!cookie || !SESSION_COOKIES.has(cookie.name)) continue;
    jar.set(cookie.name, cookie.value, {
      path: cookie.path ?? '/',
      httpOnly: cookie.httpOnly,
      sameSite: cookie.sameSite ?? 'lax',
      secure,
      ...(cookie.expires ? { expires: cookie.expires } : {}),
      ...(cookie.maxAge !== undefined ? { maxAge: cookie.maxAge } : {}),
    });
  }
}

export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
}
