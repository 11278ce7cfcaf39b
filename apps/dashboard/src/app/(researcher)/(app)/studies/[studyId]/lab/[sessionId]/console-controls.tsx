'use client';

import { useActionState, useEffect, useState } from 'react';
import type { ConsoleActionState } from './actions';

export function ConsoleButton({
  action,
  label,
  secondary = false,
}: {
  readonly action: (previous: ConsoleActionState) => Promise<ConsoleActionState>;
  readonly label: string;
  readonly secondary?: boolean;
}) {
  const [state, run, pending] = useActionState(action, { error: null });
  return (
    <form action={run}>
      <button type="submit" className={secondary ? 'button button-secondary' : 'button'} disabled={pending}>
        {label}
      </button>
      {state.error ? (
        <p className="alert" role="alert">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

function format(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The shared timer, on the console only. It counts down to the server's end time (corrected by
 * the server clock) and turns into an unmistakable end signal when the time is up.
 */
export function ConsoleClock({ endsAt, serverNow }: { readonly endsAt: string; readonly serverNow: string }) {
  const [offset] = useState(() => Date.parse(serverNow) - Date.now());
  const [now, setNow] = useState(() => Date.parse(serverNow));
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 250);
    return () => clearInterval(timer);
  }, [offset]);
  const left = Date.parse(endsAt) - now;
  if (left <= 0) {
    return (
      <div className="console-signal" role="alert" data-testid="console-time-up">
        <p className="console-signal-title">Time is up</p>
        <p>Ask the participants to stop talking and take out their phones: the questions are waiting.</p>
      </div>
    );
  }
  return (
    <p className="console-clock" role="timer" aria-label="Time left" data-testid="console-timer">
      {format(left)}
    </p>
  );
}
