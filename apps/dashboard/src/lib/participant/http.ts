import type { Problem } from '@/lib/api/problem';

/** What a call to the API came to: an answer, no network at all, or a problem+json refusal. */
export type Outcome<T> =
  | { readonly kind: 'ok'; readonly status: number; readonly data: T }
  | { readonly kind: 'offline' }
  | { readonly kind: 'problem'; readonly problem: Problem; readonly retryAfterMs: number | null };

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Worth another try later: no network, the server failing or busy, or a submission still in flight. */
export function isRetryable(outcome: Outcome<unknown>): boolean {
  if (outcome.kind === 'offline') return true;
  if (outcome.kind === 'ok') return false;
  const { status, code } = outcome.problem;
  // 502 from our own proxy means the API is down for a moment, which is just like being offline.
  return status >= 500 || status === 429 || status === 408 || code === 'SUBMISSION_IN_PROGRESS';
}

const BASE_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 30_000;

/**
 * Exponential backoff with "equal jitter" (half fixed, half random), so two phones that lost the
 * network together do not retry in lock-step; the server's Retry-After wins when it asks for more.
 */
export function backoffDelay(attempt: number, retryAfter: number | null, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return retryAfter === null ? jittered : Math.max(jittered, Math.min(retryAfter, 2 * MAX_DELAY_MS));
}
