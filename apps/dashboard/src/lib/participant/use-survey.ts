'use client';

import type { AnswerValue, Instrument } from '@attune/survey';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnswerQueue } from './answer-queue';
import { callApi } from './http';
import type { StoredParticipant } from './participant-store';
import { localStore } from './storage';
import { submitPhase, type SubmitResult } from './submit-phase';
import { answerOf, buildCards, type Card, cardIssue, cardKey, issuesFromPaths, phaseIssues, submissionBody } from './survey-cards';
import { newIdempotencyKey, type PhaseProgress, saveProgress, withAnswer } from './survey-store';
import type { Phase, PhaseAnswers } from './types';

/** What the participant sees while the final submit is under way or was refused. */
export type SubmitNote = null | 'sending' | 'offline' | 'retrying' | 'failed' | 'resubmit';

const FLUSH_BEFORE_SUBMIT_MS = 4_000;

interface SurveyOptions {
  readonly me: StoredParticipant;
  readonly phase: Phase;
  readonly instruments: readonly Instrument[];
  readonly initial: PhaseProgress;
  readonly language: string;
  readonly queue: AnswerQueue;
  readonly onSubmitted: () => void;
  readonly onPhaseClosed: () => void;
}

async function serverHasPhase(me: StoredParticipant, phase: Phase): Promise<boolean> {
  const drafts = await callApi<PhaseAnswers>('GET', `/answers/${phase}`, { token: me.token });
  return drafts.kind === 'ok' && drafts.data.instruments.length > 0 && drafts.data.instruments.every((instrument) => instrument.submitted);
}

/**
 * The state of one phase on this phone. Every change is written to localStorage before it is sent,
 * so the queue, a reload and the final submit all start from the same answers.
 */
export function useSurvey(options: SurveyOptions) {
  const { me, phase, instruments, initial, language, queue } = options;
  const cards = useMemo(() => buildCards(instruments, language), [instruments, language]);
  const [progress, setProgress] = useState<PhaseProgress>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState<SubmitNote>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const commit = useCallback((next: PhaseProgress) => {
    saveProgress(localStore, me.participantId, phase, next);
    setProgress(next);
  }, [me.participantId, phase]);

  const answer = useCallback((card: Card, value: AnswerValue | null) => {
    const key = cardKey(card.instrument.id, card.item.id);
    const issue = cardIssue(card, value, true);
    commit({ ...progress, answers: withAnswer(progress.answers, card.instrument.id, card.item.id, value) });
    setErrors((current) => ({ ...current, [key]: issue ?? '' }));
    // An invalid value stays on screen to be corrected, but only valid answers reach the server.
    queue.put({ phase, instrumentId: card.instrument.id, itemId: card.item.id, value: issue ? null : value });
  }, [commit, phase, progress, queue]);

  const goTo = useCallback((position: number) => {
    commit({ ...progress, position: Math.max(0, Math.min(cards.length, position)) });
  }, [cards.length, commit, progress]);

  const next = useCallback((): boolean => {
    const card = cards[progress.position];
    if (!card) return false;
    const issue = cardIssue(card, answerOf(progress.answers, card), false);
    if (issue) {
      setErrors((current) => ({ ...current, [cardKey(card.instrument.id, card.item.id)]: issue }));
      return false;
    }
    goTo(progress.position + 1);
    return true;
  }, [cards, goTo, progress]);

  const showIssues = useCallback((found: Record<string, string>) => {
    setErrors(found);
    const first = cards.findIndex((card) => cardKey(card.instrument.id, card.item.id) in found);
    if (first >= 0) goTo(first);
  }, [cards, goTo]);

  const settle = useCallback(async (result: SubmitResult) => {
    if (result.kind === 'submitted') {
      commit({ ...progress, submittedAt: new Date().toISOString() });
      options.onSubmitted();
    } else if (result.kind === 'invalid') {
      setNote(null);
      showIssues(issuesFromPaths(result.errors));
    } else if (result.kind === 'refused' && result.code === 'PHASE_NOT_OPEN') {
      options.onPhaseClosed();
    } else if (result.kind === 'refused' && result.code === 'IDEMPOTENCY_KEY_REUSED') {
      // The key met a different body: only a stored submission or a failed one can explain it.
      if (await serverHasPhase(me, phase)) return settle({ kind: 'submitted' });
      commit({ ...progress, idempotencyKey: newIdempotencyKey(phase) });
      setNote('resubmit');
    } else if (result.kind === 'refused') {
      setNote('failed');
    }
  }, [commit, me, options, phase, progress, showIssues]);

  const submit = useCallback(async () => {
    const found = phaseIssues(instruments, progress.answers);
    if (Object.keys(found).length > 0) return showIssues(found);
    setNote('sending');
    await queue.flush(FLUSH_BEFORE_SUBMIT_MS);
    abort.current = new AbortController();
    const result = await submitPhase({
      token: me.token, phase, idempotencyKey: progress.idempotencyKey, answers: submissionBody(instruments, progress.answers),
      signal: abort.current.signal, onRetry: (offline) => setNote(offline ? 'offline' : 'retrying'),
    });
    await settle(result);
  }, [instruments, me.token, phase, progress, queue, settle, showIssues]);

  return { cards, progress, errors, note, answer, next, back: () => goTo(progress.position - 1), goTo, submit };
}
