const DEFAULT_AFTER_LOGIN = '/studies';
const PROBE_ORIGIN = 'http://attune.invalid';

/**
 * Where to go after signing in. Only same-origin paths pass, so a crafted
 * `/login?next=//evil.example` cannot turn the login form into an open redirect.
 */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) {
    return DEFAULT_AFTER_LOGIN;
  }
  try {
    const url = new URL(raw, PROBE_ORIGIN);
    if (url.origin !== PROBE_ORIGIN || url.pathname === '/login') return DEFAULT_AFTER_LOGIN;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return DEFAULT_AFTER_LOGIN;
  }
}
