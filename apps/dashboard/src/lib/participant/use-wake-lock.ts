'use client';

import { useEffect, useState } from 'react';

export type WakeLockState = 'unsupported' | 'on' | 'off';

/**
 * Keeps the screen on while mounted (a 10-minute timer on a phone that dims after 30 s is no timer
 * at all). The browser drops the lock whenever the page is hidden, so it is taken again on return.
 */
export function useWakeLock(): WakeLockState {
  const [state, setState] = useState<WakeLockState>('off');
  useEffect(() => {
    if (!('wakeLock' in navigator)) {
      setState('unsupported');
      return;
    }
    let sentinel: WakeLockSentinel | null = null;
    let active = true;
    const acquire = async () => {
      if (!active || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      try {
        sentinel = await navigator.wakeLock.request('screen');
        if (!active) {
          await sentinel.release();
          return;
        }
        setState('on');
        sentinel.addEventListener('release', () => setState('off'));
      } catch {
        // Refused (battery saver, no user activation yet, insecure context): the timer still runs.
        setState('off');
      }
    };
    const onVisibility = () => void acquire();
    void acquire();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      active = false;
      document.removeEventListener('visibilitychange', onVisibility);
      void sentinel?.release().catch(() => undefined);
    };
  }, []);
  return state;
}
