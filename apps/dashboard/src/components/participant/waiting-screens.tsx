import type { ReactNode } from 'react';
import type { OwnSession, Phase } from '@/lib/participant/types';

function Waiting({ title, children, footer }: { readonly title: string; readonly children: ReactNode; readonly footer?: ReactNode }) {
  return (
    <section className="p-card waiting" aria-labelledby="waiting-title" aria-busy="true">
      <div className="waiting-pulse" aria-hidden="true" />
      <h1 id="waiting-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
      {footer}
    </section>
  );
}

/** Who is here: the seat counts are read out when they change, so nobody has to keep looking. */
export function WaitingForPartner({
  session,
  seatNumber,
  footer,
}: {
  readonly session: OwnSession;
  readonly seatNumber: number | null;
  readonly footer?: ReactNode;
}) {
  const others = session.size - 1;
  return (
    <Waiting title={others === 1 ? 'Waiting for your partner' : 'Waiting for the others'} footer={footer}>
      {seatNumber !== null ? <p>You are in seat {seatNumber}.</p> : null}
      <ul className="presence" aria-live="polite" data-testid="presence">
        <li>
          {session.seatsTaken} of {session.size} people have joined
        </li>
        <li>
          {session.seatsReady} of {session.size} are ready
        </li>
      </ul>
      <p className="muted">Keep this page open. It moves on by itself when everyone is ready.</p>
    </Waiting>
  );
}

export function WaitingRoom({ footer }: { readonly footer?: ReactNode }) {
  return (
    <Waiting title="Finding a conversation partner" footer={footer}>
      <p aria-live="polite">You are in the waiting room. As soon as another participant is ready, you will be paired.</p>
      <p className="muted">Keep this page open; it moves on by itself.</p>
    </Waiting>
  );
}

export function WaitingAfterPhase({ phase }: { readonly phase: Phase }) {
  return (
    <Waiting title="Thank you, your answers are saved">
      <p aria-live="polite">
        {phase === 'pre'
          ? 'Waiting for your partner to finish the questions. The conversation starts when you are both done.'
          : 'Waiting for your partner to finish. Your completion code appears when you are both done.'}
      </p>
    </Waiting>
  );
}

export function Finishing() {
  return (
    <Waiting title="Finishing up">
      <p aria-live="polite">Your answers are saved. Your completion code is on its way.</p>
    </Waiting>
  );
}
