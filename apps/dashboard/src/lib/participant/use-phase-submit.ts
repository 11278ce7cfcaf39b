'use client';

import { useCallback, useEffect, useRef } from 'react';
import type { AnswerQueue } from './answer-queue';
import { isPhaseSubmitted } from './load-phase';
import { getDrafts } from './participant-api';
import type { StoredParticipant } from './participant-store';
import { submitPhase, type SubmitResult } from './submit-phase';
import { submissionBody } from './survey-cards';
import { submitFollowUp } from './survey-reducer';
import { newIdempotencyKey } from './survey-store';
import type { Phase } from './types';
import type { SurveyDispatch } from './use-survey';

const FLUSH_BEFORE_SUBMIT_MS = 4_000;

interface SubmitOptions {
  readonly me: StoredParticipant;
  readonly phase: Phase;
  /** Null until the page's queue exists; nothing is submitted before it does. */
  readonly queue: AnswerQueue | null;
  readonly dispatch: SurveyDispatch;
  readonly onSubmitted: () => void;
  readonly onPhaseClosed: () => void;
}

async function serverHasPhase(me: StoredParticipant, phase: Phase): Promise<boolean> {
  const drafts = await getDrafts(me.token, phase);
  return drafts.kind === 'ok' && isPhaseSubmitted(drafts.data);
}

/** The effects a submit's result calls for beyond the reducer's state: see submitFollowUp. */
function useSettle(options: SubmitOptions): (result: SubmitResult) => Promise<void> {
  const { me, phase, dispatch, onSubmitted, onPhaseClosed } = options;
  const settle = useCallback(
    async (result: SubmitResult): Promise<void> => {
      dispatch({ kind: 'result', result, at: new Date().toISOString() });
      const followUp = submitFollowUp(result);
      if (followUp === 'submitted') onSubmitted();
      if (followUp === 'phase-closed') onPhaseClosed();
      if (followUp !== 'check-server') return;
      // The key met another body: either it already stored this phase, or a new key is needed.
      if (await serverHasPhase(me, phase)) return settle({ kind: 'submitted' });
      dispatch({ kind: 'new-key', idempotencyKey: newIdempotencyKey(phase) });
    },
    [dispatch, me, onPhaseClosed, onSubmitted, phase],
  );
  return settle;
}

/**
 * The final submit of a phase: checked here first with libs/survey (the reducer's 'submit'), then
 * sent once the answer queue has had its chance to flush, and retried with the phase's one
 * Idempotency-Key.
 */
export function usePhaseSubmit(options: SubmitOptions): () => Promise<void> {
  const { me, phase, queue, dispatch } = options;
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const settle = useSettle(options);
  return useCallback(async () => {
    if (!queue) return;
    const started = dispatch({ kind: 'submit' });
    if (!started.live || started.note !== 'sending') return;
    await queue.flush(FLUSH_BEFORE_SUBMIT_MS);
    abort.current = new AbortController();
    const result = await submitPhase({
      token: me.token,
      phase,
      idempotencyKey: started.progress.idempotencyKey,
      answers: submissionBody(started.instruments, started.progress.answers),
      signal: abort.current.signal,
      onRetry: (offline) => void dispatch({ kind: 'retrying', offline }),
    });
    await settle(result);
  }, [dispatch, me.token, phase, queue, settle]);
}
