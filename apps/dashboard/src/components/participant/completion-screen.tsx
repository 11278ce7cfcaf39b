import { useEffect } from 'react';
import type { Completion } from '@/lib/participant/types';

/**
 * Shown only after the server acknowledged the post-survey (the API sends `completion` only then).
 * A Prolific participant is sent back with the completion code in the redirect URL.
 */
export function CompletionScreen({ completion, endedEarly = false }: { readonly completion: Completion; readonly endedEarly?: boolean }) {
  const redirect = completion.kind === 'redirect' ? completion.url ?? null : null;
  useEffect(() => {
    if (redirect) window.location.assign(redirect);
  }, [redirect]);
  return (
    <section className="p-card notice notice-done" aria-labelledby="done-title">
      <h1 id="done-title" tabIndex={-1}>Thank you for taking part</h1>
      {endedEarly ? (
        <p data-testid="debrief">Your conversation partner had to leave, so the conversation could not go ahead as planned. That is nobody&apos;s fault, and there are no more questions for you. The answers you already gave are kept. The study compares how conversations feel in different settings.</p>
      ) : (
        <p>Your answers have been received. The study compares how conversations feel in different settings; your partner and you were part of one of those settings.</p>
      )}
      {redirect ? (
        <p>Taking you back to finish your submission… If nothing happens, <a href={redirect}>continue here</a>.</p>
      ) : (
        <>
          <p>Your completion code:</p>
          <p className="completion-code" data-testid="completion-code">{completion.code}</p>
          <p className="muted">Write it down or copy it now; you may need it to be credited.</p>
        </>
      )}
    </section>
  );
}
