'use client';

import { useEffect, useState } from 'react';
import { remainingMs } from './clock';

/**
 * Milliseconds left until `endsAt` on the server's clock. Ticks four times a second so the shown
 * second changes within 250 ms of the partner's phone, but re-renders only when it changes. The
 * first value is the time left when the server answered (`serverNow`): the same in a server render
 * and in the phone's first render, which must match; the first tick then uses this phone's clock.
 */
export function useCountdown(endsAt: string, offsetMs: number, serverNow: string): number {
  const [left, setLeft] = useState(() => remainingMs(endsAt, 0, Date.parse(serverNow)));
  useEffect(() => {
    const tick = () => {
      const next = remainingMs(endsAt, offsetMs, Date.now());
      setLeft((current) => (Math.ceil(current / 1000) === Math.ceil(next / 1000) ? current : next));
    };
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [endsAt, offsetMs]);
  return left;
}
