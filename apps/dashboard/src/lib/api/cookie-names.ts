/** Cookie names the API sets (apps/api/src/auth/cookies.ts); the dashboard never imports from apps/api. */
export const SESSION_COOKIE = 'attune_session';
export const CSRF_COOKIE = 'attune_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
