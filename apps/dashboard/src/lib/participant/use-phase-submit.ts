'use client';

import type { Instrument } from '@attune/survey';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerQueue } from './answer-queue';
import { callApi } from './http';
import { isPhaseSubmitted } from './load-phase';
import type { StoredParticipant } from './participant-store';
import { submitPhase, type SubmitResult } from './submit-phase';
import { issuesFromPaths, phaseIssues, submissionBody } from './survey-cards';
import { newIdempotencyKey, type PhaseProgress } from './survey-store';
import type { Phase, PhaseAnswers } from './types';

/** What the participant sees while the final submit is under way or was refused. */
export type SubmitNote = null | 'sending' | 'offline' | 'retrying' | 'failed' | 'resubmit';

const FLUSH_BEFORE_SUBMIT_MS = 4_000;

interface SubmitOptions {
  readonly me: StoredParticipant;
  readonly phase: Phase;
  readonly instruments: readonly Instrument[];
  readonly progress: PhaseProgress;
  readonly commit: (next: PhaseProgress) => void;
  /** Null until the page's queue exists; nothing is submitted before it does. */
  readonly queue: AnswerQueue | null;
  readonly showIssues: (found: Record<string, string>) => void;
  readonly onSubmitted: () => void;
  readonly onPhaseClosed: () => void;
}

async function serverHasPhase(me: StoredParticipant, phase: Phase): Promise<boolean> {
  const drafts = await callApi<PhaseAnswers>('GET', `/answers/${phase}`, { token: me.token });
  return drafts.kind === 'ok' && isPhaseSubmitted(drafts.data);
}

/**
 * The final submit of a phase: checked here first with libs/survey, then sent once the answer
 * queue has had its chance to flush, and retried with the phase's one Idempotency-Key.
 */
export function usePhaseSubmit(options: SubmitOptions): { note: SubmitNote; submit: () => Promise<void> } {
  const { me, phase, instruments, progress, commit, queue, showIssues } = options;
  const [note, setNote] = useState<SubmitNote>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const settle = useCallback(
    async (result: SubmitResult): Promise<void> => {
      if (result.kind === 'submitted') {
        commit({ ...progress, submittedAt: new Date().toISOString() });
        options.onSubmitted();
      } else if (result.kind === 'invalid') {
        setNote(null);
        showIssues(issuesFromPaths(result.errors));
      } else if (result.kind === 'refused' && result.code === 'PHASE_NOT_OPEN') {
        options.onPhaseClosed();
      } else if (result.kind === 'refused' && result.code === 'IDEMPOTENCY_KEY_REUSED') {
        // The key met another body: either it already stored this phase, or a new key is needed.
        if (await serverHasPhase(me, phase)) return settle({ kind: 'submitted' });
        commit({ ...progress, idempotencyKey: newIdempotencyKey(phase) });
        setNote('resubmit');
      } else if (result.kind === 'refused') {
        setNote('failed');
      }
    },
    [commit, me, options, phase, progress, showIssues],
  );

  const submit = useCallback(async () => {
    if (!queue) return;
    const found = phaseIssues(instruments, progress.answers);
    if (Object.keys(found).length > 0) return showIssues(found);
    setNote('sending');
    await queue.flush(FLUSH_BEFORE_SUBMIT_MS);
    abort.current = new AbortController();
    const result = await submitPhase({
      token: me.token,
      phase,
      idempotencyKey: progress.idempotencyKey,
      answers: submissionBody(instruments, progress.answers),
      signal: abort.current.signal,
      onRetry: (offline) => setNote(offline ? 'offline' : 'retrying'),
    });
    await settle(result);
  }, [instruments, me.token, phase, progress, queue, settle, showIssues]);

  return { note, submit };
}
