import type { Outcome } from '@/lib/participant/http';

/** A one-line reason why a button did nothing, in words a participant can act on. */
export function actionErrorText(outcome: Outcome<unknown>): string | null {
  if (outcome.kind === 'ok') return null;
  if (outcome.kind === 'offline') return 'No connection. Check your Wi-Fi or mobile data and try again.';
  if (outcome.problem.status === 429) return 'Too many tries in a short time. Please wait a moment and try again.';
  if (outcome.problem.status >= 500) return 'The study server had a problem. Please try again in a moment.';
  return null;
}

export function ActionError({ message }: { readonly message: string | null }) {
  return message ? (
    <p className="alert" role="alert">
      {message}
    </p>
  ) : null;
}
