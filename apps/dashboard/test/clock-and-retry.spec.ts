import type { ProblemCode } from '@/lib/api/problem';
import { clockOffset, formatClock, remainingMs, spokenClock } from '@/lib/participant/clock';
import { backoffDelay, isRetryable, MAX_DELAY_MS, type Outcome, retryAfterMs } from '@/lib/participant/http';
import { isTokenShaped } from '@/lib/participant/participant-cookie';

const problem = (status: number, code: ProblemCode = 'UNEXPECTED_RESPONSE'): Outcome<unknown> => ({
  kind: 'problem',
  retryAfterMs: null,
  problem: { type: 'about:blank', title: code, status, code, requestId: 'r' },
});

describe('the shared conversation clock', () => {
  it('estimates the server offset at the middle of the round trip', () => {
    expect(clockOffset('2026-01-01T00:00:10.000Z', Date.parse('2026-01-01T00:00:00.000Z'), Date.parse('2026-01-01T00:00:02.000Z'))).toBe(
      9_000,
    );
    expect(clockOffset('not a date', 0, 10)).toBe(0);
  });

  it("counts down on the server's clock, never below zero, rounding the shown second up", () => {
    const endsAt = '2026-01-01T00:10:00.000Z';
    expect(remainingMs(endsAt, 1_000, Date.parse('2026-01-01T00:09:00.000Z'))).toBe(59_000);
    expect(remainingMs(endsAt, 0, Date.parse('2026-01-01T00:11:00.000Z'))).toBe(0);
    expect([formatClock(600_000), formatClock(59_001), formatClock(1), formatClock(0)]).toEqual(['10:00', '1:00', '0:01', '0:00']);
    expect([spokenClock(0), spokenClock(30_000), spokenClock(150_000)]).toEqual([
      'Time is up',
      'Less than a minute left',
      'About 3 minutes left',
    ]);
  });
});

describe('retrying calls to the API', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect([retryAfterMs(null, now), retryAfterMs('', now), retryAfterMs('soon', now)]).toEqual([null, null, null]);
  });

  it('backs off exponentially with equal jitter, capped, and waits longer when the server asks', () => {
    expect([0, 1, 2].map((attempt) => backoffDelay(attempt, null, () => 0))).toEqual([500, 1_000, 2_000]);
    expect(backoffDelay(2, null, () => 1)).toBe(4_000);
    expect(backoffDelay(20, null, () => 1)).toBe(MAX_DELAY_MS);
    expect(backoffDelay(0, 10_000, () => 0)).toBe(10_000);
  });

  it('retries what may pass later and nothing the server refused for good', () => {
    expect(isRetryable({ kind: 'offline' })).toBe(true);
    expect([502, 503, 429, 408].map((status) => isRetryable(problem(status)))).toEqual([true, true, true, true]);
    expect(isRetryable(problem(409, 'SUBMISSION_IN_PROGRESS'))).toBe(true);
    expect([400, 401, 404, 409, 422].map((status) => isRetryable(problem(status)))).toEqual([false, false, false, false, false]);
    expect(isRetryable({ kind: 'ok', status: 200, data: null })).toBe(false);
  });
});

describe('the participant cookie', () => {
  it('is sent to the API only when it is shaped like a participant token', () => {
    expect(isTokenShaped(`atp_${'A'.repeat(43)}`)).toBe(true);
    expect(
      [undefined, null, '', 'atp_', `aseat_${'A'.repeat(43)}`, `atp_${'A'.repeat(40)};x=1`, `atp_${'A'.repeat(97)}`].map(isTokenShaped),
    ).toEqual([false, false, false, false, false, false, false]);
  });
});
