import type { FieldIssue } from '@/lib/api/problem';
import { backoffDelay, isRetryable, type Outcome } from './http';
import { postSubmit } from './participant-api';
import type { PhaseAnswerMap } from './survey-store';
import type { Phase } from './types';

export type SubmitResult =
  | { readonly kind: 'submitted' }
  | { readonly kind: 'invalid'; readonly errors: readonly FieldIssue[] }
  | { readonly kind: 'refused'; readonly code: string }
  | { readonly kind: 'aborted' };

interface SubmitOptions {
  readonly token: string;
  readonly phase: Phase;
  readonly idempotencyKey: string;
  readonly answers: PhaseAnswerMap;
  readonly signal: AbortSignal;
  /** Told whether the last attempt failed for want of a network, to show "offline". */
  readonly onRetry: (offline: boolean) => void;
}

/** Waits `ms`, or less when the browser comes back online; resolves false when aborted. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (result: boolean) => {
      clearTimeout(timer);
      window.removeEventListener('online', wake);
      signal.removeEventListener('abort', stop);
      resolve(result);
    };
    const wake = () => done(true);
    const stop = () => done(false);
    const timer = setTimeout(wake, ms);
    window.addEventListener('online', wake);
    signal.addEventListener('abort', stop);
  });
}

function settle(outcome: Exclude<Outcome<unknown>, { kind: 'offline' }>): SubmitResult {
  if (outcome.kind === 'ok') return { kind: 'submitted' };
  const { code, errors } = outcome.problem;
  // Already stored by an earlier attempt whose reply never arrived: the goal is reached.
  if (code === 'PHASE_SUBMITTED') return { kind: 'submitted' };
  if (outcome.problem.status === 400 && errors && errors.length > 0) return { kind: 'invalid', errors };
  return { kind: 'refused', code };
}

/**
 * The final, once-only submit of a phase. Every retry reuses the phase's one Idempotency-Key with
 * the same body, so the API stores one submission however many times the network drops the reply;
 * it retries until the server has answered, because only its answer makes the phase final.
 */
export async function submitPhase(options: SubmitOptions): Promise<SubmitResult> {
  const { token, phase, idempotencyKey, answers, signal } = options;
  for (let attempt = 0; !signal.aborted; attempt += 1) {
    const outcome = await postSubmit(token, phase, idempotencyKey, answers);
    if (!isRetryable(outcome)) return settle(outcome as Exclude<Outcome<unknown>, { kind: 'offline' }>);
    options.onRetry(outcome.kind === 'offline');
    const retryAfter = outcome.kind === 'problem' ? outcome.retryAfterMs : null;
    if (!(await pause(backoffDelay(attempt, retryAfter), signal))) break;
  }
  return { kind: 'aborted' };
}
