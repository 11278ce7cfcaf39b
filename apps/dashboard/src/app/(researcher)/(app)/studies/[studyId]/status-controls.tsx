'use client';

import { useActionState, useState } from 'react';
import { useFocusWhen } from '@/components/preview/use-focus-when';
import type { StatusActionState } from './status-actions';

type Action = (previous: StatusActionState) => Promise<StatusActionState>;

function Refusal({ state }: { readonly state: StatusActionState }) {
  return state.error ? (
    <p className="alert status-note" role="alert">
      {state.error}
    </p>
  ) : null;
}

/** Pause and resume at one click: either can be undone by the other. */
export function StatusButton({ action, label }: { readonly action: Action; readonly label: string }) {
  const [state, run, pending] = useActionState(action, { error: null });
  return (
    <form action={run}>
      <button type="submit" className="button button-secondary" disabled={pending}>
        {pending ? 'Working…' : label}
      </button>
      <Refusal state={state} />
    </form>
  );
}

/** Closing cannot be undone, so it asks once, in the page rather than in a browser dialog. */
export function CloseStudy({ action }: { readonly action: Action }) {
  const [asking, setAsking] = useState(false);
  const [state, run, pending] = useActionState(action, { error: null });
  const question = useFocusWhen<HTMLParagraphElement>(asking);
  if (!asking) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
        Close the study…
      </button>
    );
  }
  return (
    <form action={run} className="confirm-box" aria-labelledby="close-question">
      <p id="close-question" ref={question} tabIndex={-1}>
        <strong>Close the study for good?</strong>
      </p>
      <p>
        Nobody can join any more, and the secret allocation seed is revealed, so anyone can check every allocation against the sequence it
        commits to. A closed study cannot be reopened.
      </p>
      <div className="action-row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Closing…' : 'Yes, close the study'}
        </button>
        <button type="button" className="button button-secondary" disabled={pending} onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
      <Refusal state={state} />
    </form>
  );
}
