import { isProblem } from '@/lib/api/problem';
import { retryAfterMs } from './http';
import { postWithdrawal } from './participant-api';

/** What the participant is told after sending a withdrawal code. */
export type WithdrawalResult =
  | { readonly kind: 'done' }
  | { readonly kind: 'mistyped'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'wait'; readonly message: string }
  | { readonly kind: 'offline' };

function minutes(ms: number | null): string {
  const count = Math.max(1, Math.ceil((ms ?? 60_000) / 60_000));
  return count === 1 ? 'a minute' : `${count} minutes`;
}

/**
 * The API answers a right and a wrong well-formed code alike (200), so "done" cannot promise that
 * the code matched; a mistyped code (its check character is wrong) and a passed deadline are the
 * only refusals it names.
 */
export function withdrawalResult(status: number, body: unknown, retryAfter: string | null): WithdrawalResult {
  if (status === 200) return { kind: 'done' };
  if (status === 429)
    return { kind: 'wait', message: `Too many tries from this connection. Please try again in ${minutes(retryAfterMs(retryAfter))}.` };
  const problem = isProblem(body) ? body : null;
  if (problem?.code === 'WITHDRAWAL_CODE_MALFORMED' || status === 400) {
    return {
      kind: 'mistyped',
      message: 'This is not a withdrawal code. Codes have 12 letters and digits, like ABCD-EFGH-JKMN; please check each character.',
    };
  }
  if (problem?.code === 'WITHDRAWAL_DEADLINE_PASSED') return { kind: 'refused', message: problem.detail ?? problem.title };
  return {
    kind: 'refused',
    message: 'Something went wrong on our side; nothing was changed. Please try again later or contact the researchers.',
  };
}

export async function sendWithdrawal(code: string): Promise<WithdrawalResult> {
  const answer = await postWithdrawal(code);
  return answer ? withdrawalResult(answer.status, answer.body, answer.retryAfter) : { kind: 'offline' };
}
