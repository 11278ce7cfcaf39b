'use client';

import { type ReactNode, useActionState, useState } from 'react';
import { useFocusWhen } from '@/components/preview/use-focus-when';
import type { LaunchState } from './actions';

/**
 * Launching cannot be undone, so it asks once, in the page. While the saved draft has problems the
 * button stays disabled and says why; the API refuses such a launch anyway.
 */
interface LaunchButtonProps {
  readonly action: (previous: LaunchState) => Promise<LaunchState>;
  readonly blocked: number;
}

export function LaunchButton({ action, blocked }: LaunchButtonProps) {
  const [asking, setAsking] = useState(false);
  const [state, run, pending] = useActionState(action, { error: null, problems: [] });
  const question = useFocusWhen<HTMLParagraphElement>(asking);
  const refusal = <Refusal state={state} />;
  if (!asking)
    return (
      <LaunchStart blocked={blocked} onAsk={() => setAsking(true)}>
        {refusal}
      </LaunchStart>
    );
  return (
    <form action={run} className="confirm-box" aria-labelledby="launch-question">
      <p id="launch-question" ref={question} tabIndex={-1}>
        <strong>Launch now?</strong> The protocol is frozen as version 1 and a secret seed is committed to. This cannot be undone.
      </p>
      <div className="action-row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Launching…' : 'Yes, launch the study'}
        </button>
        <button type="button" className="button button-secondary" disabled={pending} onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
      {refusal}
    </form>
  );
}

/** The API's reason for refusing a launch, with the problems it found. */
function Refusal({ state }: { readonly state: LaunchState }) {
  if (!state.error) return null;
  return (
    <div className="alert status-note" role="alert">
      <p>{state.error}</p>
      {state.problems.length > 0 ? (
        <ul className="problem-list">
          {state.problems.map((problem) => (
            <li key={`${problem.path}/${problem.code}`}>
              {problem.path}: {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

interface LaunchStartProps {
  readonly blocked: number;
  readonly onAsk: () => void;
  readonly children: ReactNode;
}

function LaunchStart({ blocked, onAsk, children }: LaunchStartProps) {
  return (
    <div>
      <button
        type="button"
        className="button"
        disabled={blocked > 0}
        aria-describedby={blocked > 0 ? 'launch-blocked' : undefined}
        onClick={onAsk}
      >
        Launch the study…
      </button>
      {blocked > 0 ? (
        <p id="launch-blocked" className="status-note">
          Launch is possible once the {blocked === 1 ? 'problem above is' : `${blocked} problems above are`} fixed.
        </p>
      ) : null}
      {children}
    </div>
  );
}
