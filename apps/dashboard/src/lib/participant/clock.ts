/**
 * The server's clock minus this phone's, estimated at the middle of the request's round trip, so
 * that two phones with wrong clocks still show the same remaining time.
 */
export function clockOffset(serverNowIso: string, sentAt: number, receivedAt: number): number {
  const serverNow = Date.parse(serverNowIso);
  if (Number.isNaN(serverNow)) return 0;
  return serverNow - (sentAt + receivedAt) / 2;
}

export function remainingMs(endsAtIso: string, offsetMs: number, now: number): number {
  const endsAt = Date.parse(endsAtIso);
  if (Number.isNaN(endsAt)) return 0;
  return Math.max(0, endsAt - (now + offsetMs));
}

/** m:ss, rounding up, so "0:00" appears only when the time is really over. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Words for screen readers, announced once a minute rather than every second. */
export function spokenClock(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  if (ms <= 0) return 'Time is up';
  return minutes <= 1 ? 'Less than a minute left' : `About ${minutes} minutes left`;
}
