import { useCallback, useRef, useState } from 'react';

/**
 * Runs one action at a time: a double tap on a button starts it once. The ref closes the gap
 * before React re-renders the button as disabled.
 */
export function usePending(): [boolean, (work: () => Promise<void>) => Promise<void>] {
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const run = useCallback(async (work: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    try {
      await work();
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);
  return [pending, run];
}
