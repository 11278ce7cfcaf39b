'use client';

import { type FormEvent, useState } from 'react';
import { sendWithdrawal, type WithdrawalResult } from '@/lib/participant/withdrawal';

type Step =
  | { readonly kind: 'enter'; readonly error: string | null }
  | { readonly kind: 'confirm' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'sent'; readonly result: WithdrawalResult };

function Sent({ result, onRetry }: { readonly result: WithdrawalResult; readonly onRetry: () => void }) {
  if (result.kind === 'done') {
    return (
      <div role="status" data-testid="withdrawal-done">
        <h2>Your request has been processed</h2>
        <p>
          If this is the code you were given at the end of the study, your answers have now been deleted. What remains is only the record
          that a person in your seat took part and withdrew, with no answers. You do not need to do anything else.
        </p>
      </div>
    );
  }
  const message =
    result.kind === 'offline' ? 'No connection: nothing was sent. Please check your internet connection and try again.' : result.message;
  return (
    <div role="alert" data-testid="withdrawal-problem">
      <p>{message}</p>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

function Confirm({
  code,
  sending,
  onConfirm,
  onCancel,
}: {
  readonly code: string;
  readonly sending: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  return (
    <div data-testid="withdrawal-confirm">
      <p>
        Withdrawing deletes all your answers in this study for good. It cannot be undone, and your conversation partner&apos;s answers are
        not affected.
      </p>
      <p>
        Code: <strong className="completion-code">{code.toUpperCase()}</strong>
      </p>
      <div className="p-actions">
        <button type="button" className="button" disabled={sending} onClick={onConfirm}>
          Yes, delete my answers
        </button>
        <button type="button" className="button button-secondary" disabled={sending} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function CodeInput({
  code,
  error,
  onChange,
}: {
  readonly code: string;
  readonly error: string | null;
  readonly onChange: (code: string) => void;
}) {
  return (
    <input
      id="withdraw-code"
      name="code"
      type="text"
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      maxLength={40}
      value={code}
      onChange={(event) => onChange(event.target.value)}
      aria-describedby={error ? 'withdraw-hint withdraw-error' : 'withdraw-hint'}
      aria-invalid={error ? true : undefined}
    />
  );
}

function CodeForm({
  code,
  error,
  onChange,
  onSubmit,
}: {
  readonly code: string;
  readonly error: string | null;
  readonly onChange: (code: string) => void;
  readonly onSubmit: (event: FormEvent) => void;
}) {
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="withdraw-code">Your withdrawal code</label>
        <span id="withdraw-hint" className="field-hint">
          You were shown it at the end of the study, for example ABCD-EFGH-JKMN.
        </span>
        <CodeInput code={code} error={error} onChange={onChange} />
        {error ? (
          <p id="withdraw-error" className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button">
        Continue
      </button>
    </form>
  );
}

/** Code, then one confirmation, then the answer; the code stays in this component only. */
export function WithdrawForm() {
  const [code, setCode] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'enter', error: null });
  const restart = () => setStep({ kind: 'enter', error: null });
  const review = (event: FormEvent) => {
    event.preventDefault();
    setStep(
      code.replace(/[\s-]/g, '').length === 12
        ? { kind: 'confirm' }
        : { kind: 'enter', error: 'Codes have 12 letters and digits, like ABCD-EFGH-JKMN.' },
    );
  };
  const confirm = async () => {
    setStep({ kind: 'sending' });
    const result = await sendWithdrawal(code);
    setStep(result.kind === 'mistyped' ? { kind: 'enter', error: result.message } : { kind: 'sent', result });
  };
  if (step.kind === 'sent') return <Sent result={step.result} onRetry={restart} />;
  if (step.kind === 'confirm' || step.kind === 'sending') {
    return <Confirm code={code} sending={step.kind === 'sending'} onConfirm={() => void confirm()} onCancel={restart} />;
  }
  return <CodeForm code={code} error={step.error} onChange={setCode} onSubmit={review} />;
}
