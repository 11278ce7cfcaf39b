import { useEffect } from 'react';
import type { StoredParticipant } from './participant-store';
import type { Screen } from './screen';
import { localStore } from './storage';
import { forgetAnswers } from './survey-store';

/**
 * Once the server shows the completion screen every answer is safe there, so the phone drops its
 * copy: a shared lab tablet must not show the previous person's answers. The token stays until
 * it expires, so a reload still shows the completion and withdrawal codes.
 */
export function useForgetAnswersWhenDone(screen: Screen | null, me: StoredParticipant | null): void {
  const done = screen?.kind === 'complete' || screen?.kind === 'debrief';
  const participantId = me?.participantId ?? null;
  useEffect(() => {
    if (done && participantId) forgetAnswers(localStore, participantId);
  }, [done, participantId]);
}
