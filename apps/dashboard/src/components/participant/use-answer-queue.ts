import { useEffect, useState } from 'react';
import { AnswerQueue, queueStorageKey } from '@/lib/participant/answer-queue';
import { putAnswer } from '@/lib/participant/participant-api';
import type { StoredParticipant } from '@/lib/participant/participant-store';
import { localStore } from '@/lib/participant/storage';

function createQueue(me: StoredParticipant): AnswerQueue {
  return new AnswerQueue({
    store: localStore,
    storageKey: queueStorageKey(me.participantId),
    isOnline: () => navigator.onLine,
    setTimer: (run, ms) => window.setTimeout(run, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
    send: (answer) => putAnswer(me.token, answer, answer.value),
  });
}

/** One queue per participant, alive for the page; woken when the browser reports a network change. */
export function useAnswerQueue(me: StoredParticipant | null): AnswerQueue | null {
  const [queue, setQueue] = useState<AnswerQueue | null>(null);
  useEffect(() => {
    if (!me) return;
    const created = createQueue(me);
    const wake = () => created.wake();
    window.addEventListener('online', wake);
    window.addEventListener('offline', wake);
    // Not a transition: the survey stays inert until its queue exists (see useSurvey), so it
    // should arrive in the same render as the phone's own progress.
    setQueue(created);
    // Answers left over from the last visit are sent now.
    created.wake();
    return () => {
      window.removeEventListener('online', wake);
      window.removeEventListener('offline', wake);
      created.dispose();
      setQueue(null);
    };
  }, [me]);
  return queue;
}
