'use client';

import { useActionState } from 'react';
import type { LabSessionState } from './lab-messages';

/**
 * The one client leaf of the lab page: it keeps the new session's seat links on screen, since
 * the API returns them only once.
 */
export function NewLabSession({ action }: { readonly action: (previous: LabSessionState) => Promise<LabSessionState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <section aria-labelledby="new-session-heading" className="after-card">
      <h2 id="new-session-heading">New lab session</h2>
      <form action={formAction}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Creating…' : 'Create a lab session'}
        </button>
      </form>
      {state.error ? (
        <p className="alert after-card" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.created ? <CreatedSession created={state.created} /> : null}
    </section>
  );
}

function CreatedSession({ created }: { readonly created: NonNullable<LabSessionState['created']> }) {
  return (
    <div className="after-card" data-testid="new-lab-session">
      <p>
        Session code: <strong className="mono session-code">{created.code}</strong>. Participants can also type it at /join.
      </p>
      <p className="muted">These seat links are shown only now. Print this page or keep it open until everyone has joined.</p>
      <ul className="seat-cards" role="list">
        {created.seats.map((seat) => (
          <li key={seat.seatNumber} className="card seat-card">
            <h3>Seat {seat.seatNumber}</h3>
            {/* SVG markup made by the qrcode package on our server from our own URL. */}
            <div
              className="seat-qr"
              role="img"
              aria-label={`QR code for seat ${seat.seatNumber}`}
              dangerouslySetInnerHTML={{ __html: seat.qrSvg }}
            />
            <a href={seat.url} className="seat-link mono">
              {seat.url}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
