'use client';

import type { AnswerValue, Instrument } from '@attune/survey';
import { useCallback, useMemo, useState } from 'react';
import type { AnswerQueue } from './answer-queue';
import type { StoredParticipant } from './participant-store';
import { localStore } from './storage';
import { answerOf, buildCards, type Card, cardIssue, cardKey } from './survey-cards';
import { type PhaseProgress, saveProgress, withAnswer } from './survey-store';
import type { Phase } from './types';
import { usePhaseSubmit } from './use-phase-submit';

export type { SubmitNote } from './use-phase-submit';

interface SurveyOptions {
  readonly me: StoredParticipant;
  readonly phase: Phase;
  readonly instruments: readonly Instrument[];
  readonly initial: PhaseProgress;
  readonly settled: boolean;
  readonly language: string;
  readonly queue: AnswerQueue | null;
  readonly onSubmitted: () => void;
  readonly onPhaseClosed: () => void;
}

/** The progress to show: `initial`, and again whenever the phone's own copy replaces the server's. */
function useProgress(initial: PhaseProgress) {
  const [progress, setProgress] = useState<PhaseProgress>(initial);
  const [adopted, setAdopted] = useState(initial);
  if (adopted !== initial) {
    setAdopted(initial);
    setProgress(initial);
  }
  return [progress, setProgress] as const;
}

/**
 * The state of one phase on this phone. Every change is written to localStorage before it is sent,
 * so the queue, a reload and the final submit all start from the same answers. Until this phone's
 * copy is in and its queue exists (`live`), the cards are shown but take no answers: writing then
 * would overwrite the stored Idempotency-Key and answers not yet sent.
 */
export function useSurvey(options: SurveyOptions) {
  const { me, phase, instruments, initial, language, queue } = options;
  const live = options.settled && queue !== null;
  const cards = useMemo(() => buildCards(instruments, language), [instruments, language]);
  const [progress, setProgress] = useProgress(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const commit = useCallback(
    (next: PhaseProgress) => {
      if (!live) return;
      saveProgress(localStore, me.participantId, phase, next);
      setProgress(next);
    },
    [live, me.participantId, phase, setProgress],
  );

  const answer = useCallback(
    (card: Card, value: AnswerValue | null) => {
      if (!live || !queue) return;
      const key = cardKey(card.instrument.id, card.item.id);
      const issue = cardIssue(card, value, true);
      commit({ ...progress, answers: withAnswer(progress.answers, card.instrument.id, card.item.id, value) });
      setErrors((current) => ({ ...current, [key]: issue ?? '' }));
      // An invalid value stays on screen to be corrected, but only valid answers reach the server.
      queue.put({ phase, instrumentId: card.instrument.id, itemId: card.item.id, value: issue ? null : value });
    },
    [commit, live, phase, progress, queue],
  );

  const goTo = useCallback(
    (position: number) => {
      commit({ ...progress, position: Math.max(0, Math.min(cards.length, position)) });
    },
    [cards.length, commit, progress],
  );

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

  const showIssues = useCallback(
    (found: Record<string, string>) => {
      setErrors(found);
      const first = cards.findIndex((card) => cardKey(card.instrument.id, card.item.id) in found);
      if (first >= 0) goTo(first);
    },
    [cards, goTo],
  );

  const { note, submit } = usePhaseSubmit({
    me,
    phase,
    instruments,
    progress,
    commit,
    queue,
    showIssues,
    onSubmitted: options.onSubmitted,
    onPhaseClosed: options.onPhaseClosed,
  });

  return { cards, progress, errors, note, answer, next, back: () => goTo(progress.position - 1), goTo, submit };
}
