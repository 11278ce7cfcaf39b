'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveStatus = 'idle' | 'pending' | 'running' | 'done' | 'failed' | 'stopped';

/** A ref to the newest value, so a callback made once still calls the newest task. */
function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}

/** The pending timer, cleared on unmount so no save starts after the editor is gone. */
function useTimer() {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return timer;
}

/**
 * Runs `task` on the latest value `delay` ms after the last change, one run at a time: changes made
 * while a run is in flight start another run when it ends, so the newest value always goes out and
 * no two runs race. `task` answers whether to go on (false stops until `resume`, e.g. on a conflict).
 */
export function useAutosave<T>(task: (value: T) => Promise<'done' | 'failed' | 'stopped'>, delay = 800) {
  const [status, setStatus] = useState<AutosaveStatus>('idle');
  const latest = useRef<T | null>(null);
  const changes = useRef(0);
  const running = useRef(false);
  const stopped = useRef(false);
  const timer = useTimer();
  const taskRef = useLatest(task);

  const run = useCallback(async function flush(): Promise<void> {
    if (stopped.current || latest.current === null) return;
    if (running.current) return;
    running.current = true;
    const sent = changes.current;
    setStatus('running');
    const result = await taskRef.current(latest.current);
    running.current = false;
    if (result === 'stopped') stopped.current = true;
    if (result !== 'stopped' && changes.current !== sent) return flush();
    setStatus(result);
  }, []);

  const changed = useCallback(
    (value: T) => {
      latest.current = value;
      changes.current += 1;
      if (stopped.current) return;
      setStatus('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        void run();
      }, delay);
    },
    [delay, run],
  );

  const resume = useCallback(() => {
    stopped.current = false;
    setStatus('idle');
  }, []);
  return { status, changed, resume, flushNow: run };
}
