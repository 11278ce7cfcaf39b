/** Cookie and header names the API uses (apps/api/src/auth/cookies.ts, participant-auth.ts); the dashboard never imports from apps/api. */
export const SESSION_COOKIE = 'attune_session';
export const CSRF_COOKIE = 'attune_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
/** The participant's capability token travels in this header, never in a cookie the API reads. */
export const PARTICIPANT_TOKEN_HEADER = 'X-Participant-Token';
