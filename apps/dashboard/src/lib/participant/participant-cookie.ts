/**
 * A copy of the participant token for the server's first render of /p: with it, a reload shows the
 * current card in the HTML instead of "opening…" until the app's JavaScript has fetched the state.
 * localStorage stays the phone's record; this cookie only mirrors it, so it is set from script (not
 * httpOnly: the same exposure as localStorage), kept to /p, and never sent cross-site. The API never
 * reads cookies for participants: every change still needs the X-Participant-Token header.
 */
export const PARTICIPANT_COOKIE = 'attune_participant';

const MAX_AGE_SECONDS = 60 * 60 * 24 * 30;
const TOKEN_PATTERN = /^atp_[A-Za-z0-9_-]{10,96}$/;

/** Only something shaped like a participant token is worth a call to the API. */
export function isTokenShaped(value: string | undefined | null): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

function write(value: string, maxAge: number): void {
  if (typeof document === 'undefined') return;
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${PARTICIPANT_COOKIE}=${value}; Path=/p; Max-Age=${maxAge}; SameSite=Strict${secure}`;
}

export function readParticipantCookie(): string | null {
  if (typeof document === 'undefined') return null;
  const pair = document.cookie.split('; ').find((entry) => entry.startsWith(`${PARTICIPANT_COOKIE}=`));
  const value = pair?.slice(PARTICIPANT_COOKIE.length + 1);
  return isTokenShaped(value) ? value : null;
}

export function writeParticipantCookie(token: string): void {
  if (isTokenShaped(token) && readParticipantCookie() !== token) write(token, MAX_AGE_SECONDS);
}

export function clearParticipantCookie(): void {
  write('', 0);
}
