'use client';

import { useActionState } from 'react';
import { withdrawSeat } from './actions';
import { REASONS, type WithdrawalFormState } from './withdrawal-messages';

/** For a participant who asks in person: by session code and seat, once the session is over. */
export function RecordWithdrawal({ studyId }: { readonly studyId: string }) {
  const [state, formAction, pending] = useActionState(withdrawSeat.bind(null, studyId), {} as WithdrawalFormState);
  return (
    <details className="after-card">
      <summary>Record a withdrawal for a participant who asked in person</summary>
      <form action={formAction} className="form inline-form">
        <WithdrawalFields />
        <p className="muted">This deletes the participant&apos;s answers for good; their partner&apos;s stay.</p>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Withdrawing…' : 'Withdraw and delete answers'}
        </button>
      </form>
      {state.error ? (
        <p className="alert after-card" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.done ? (
        <p className="after-card" role="status" data-testid="withdrawal-recorded">
          {state.done}
        </p>
      ) : null}
    </details>
  );
}

/** Which seat of which session, and how the participant asked. */
function WithdrawalFields() {
  return (
    <>
      <div className="field">
        <label htmlFor="w-session">Session code</label>
        <input id="w-session" name="sessionCode" required pattern="[A-Za-z0-9]{4,12}" autoCapitalize="characters" className="mono" />
      </div>
      <div className="field">
        <label htmlFor="w-seat">Seat</label>
        <select id="w-seat" name="seat" defaultValue="1">
          {[1, 2, 3].map((seat) => (
            <option key={seat} value={seat}>
              {seat}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="w-reason">How they asked</label>
        <select id="w-reason" name="reason" defaultValue="asked_in_person">
          {REASONS.map((reason) => (
            <option key={reason.value} value={reason.value}>
              {reason.label}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
