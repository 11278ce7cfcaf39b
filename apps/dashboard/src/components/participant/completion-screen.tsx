import type { Completion, Withdrawal } from '@/lib/participant/types';

function deadlineText(withdrawal: Withdrawal): string {
  if (withdrawal.deadline === null) return `until ${withdrawal.daysAfterClose} days after the study ends`;
  return `until ${new Date(withdrawal.deadline).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`;
}

/** The participant's right to withdraw, with the code that exercises it: shown before anyone is sent on. */
function WithdrawalNote({ withdrawal }: { readonly withdrawal: Withdrawal }) {
  return (
    <div className="withdrawal-note" data-testid="withdrawal">
      <h2>If you change your mind</h2>
      <p>
        You can withdraw your answers {deadlineText(withdrawal)}, without giving a reason. Keep this withdrawal code private; it is the only
        link between you and your answers (it is not the completion code):
      </p>
      <p className="completion-code" data-testid="withdrawal-code">
        {withdrawal.code}
      </p>
      <p className="muted">
        To withdraw, enter it at{' '}
        <a href="/withdraw">{typeof window === 'undefined' ? '/withdraw' : `${window.location.origin}/withdraw`}</a>.
      </p>
    </div>
  );
}

function Thanks({ endedEarly }: { readonly endedEarly: boolean }) {
  return endedEarly ? (
    <p data-testid="debrief">
      Your conversation partner had to leave, so the conversation could not go ahead as planned. That is nobody&apos;s fault, and there are
      no more questions for you. The answers you already gave are kept. The study compares how conversations feel in different settings.
    </p>
  ) : (
    <p>
      Your answers have been received. The study compares how conversations feel in different settings; your partner and you were part of
      one of those settings.
    </p>
  );
}

function CompletionCode({ code }: { readonly code: string | undefined }) {
  return (
    <>
      <p>Your completion code:</p>
      <p className="completion-code" data-testid="completion-code">
        {code}
      </p>
      <p className="muted">Write it down or copy it now; you may need it to be credited.</p>
    </>
  );
}

/**
 * Shown only after the server acknowledged the post-survey (the API sends `completion` only then).
 * A Prolific participant continues with the completion code in the redirect URL, by a tap rather
 * than automatically, so the withdrawal code can be noted first.
 */
export function CompletionScreen({
  completion,
  withdrawal,
  endedEarly = false,
}: {
  readonly completion: Completion;
  readonly withdrawal: Withdrawal | null;
  readonly endedEarly?: boolean;
}) {
  const redirect = completion.kind === 'redirect' ? (completion.url ?? null) : null;
  return (
    <section className="p-card notice notice-done" aria-labelledby="done-title">
      <h1 id="done-title" tabIndex={-1}>
        Thank you for taking part
      </h1>
      <Thanks endedEarly={endedEarly} />
      {redirect ? null : <CompletionCode code={completion.code} />}
      {withdrawal ? <WithdrawalNote withdrawal={withdrawal} /> : null}
      {redirect ? (
        <p>
          <a className="button" href={redirect} data-testid="finish-redirect">
            Finish and return to Prolific
          </a>
        </p>
      ) : null}
    </section>
  );
}
