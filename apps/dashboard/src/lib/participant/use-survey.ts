'use client';

import type { AnswerValue, Instrument } from '@attune/survey';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { AnswerQueue } from './answer-queue';
import type { StoredParticipant } from './participant-store';
import { localStore } from './storage';
import type { Card } from './survey-cards';
import { initialSurvey, queuedValue, type SurveyAction, surveyReducer, type SurveyState } from './survey-reducer';
import { type PhaseProgress, saveProgress } from './survey-store';
import type { Phase } from './types';
import { usePhaseSubmit } from './use-phase-submit';

export type { SubmitNote } from './survey-reducer';

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

/** Runs one action through the reducer and returns the new state, so a handler can act on it at once. */
export type SurveyDispatch = (action: SurveyAction) => SurveyState;

/**
 * The reducer's state, with every change of progress written to localStorage in the same call,
 * before anything is sent: the queue, a reload and the final submit all start from the same answers.
 * (A plain useReducer would save in an effect, after the answer was already on its way.)
 */
function useSurveyState(options: SurveyOptions): [SurveyState, SurveyDispatch] {
  const { me, phase, instruments, initial, language } = options;
  const live = options.settled && options.queue !== null;
  const [state, setState] = useState(() => initialSurvey(instruments, language, initial, live));
  const current = useRef(state);
  const dispatch = useCallback<SurveyDispatch>(
    (action) => {
      const before = current.current;
      const after = surveyReducer(before, action);
      if (after.live && after.progress !== before.progress) saveProgress(localStore, me.participantId, phase, after.progress);
      current.current = after;
      setState(after);
      return after;
    },
    [me.participantId, phase],
  );
  // Before paint: the cards take answers in the same frame as this phone's copy (or the queue) arrives.
  useLayoutEffect(() => void dispatch({ kind: 'loaded', progress: initial }), [dispatch, initial]);
  useLayoutEffect(() => void dispatch({ kind: 'live', live }), [dispatch, live]);
  return [state, dispatch];
}

/**
 * The state of one phase on this phone. Until this phone's copy is in and its queue exists
 * (`live`), the cards are shown but take no answers (see SurveyState.live).
 */
export function useSurvey(options: SurveyOptions) {
  const { phase, queue } = options;
  const [survey, dispatch] = useSurveyState(options);
  const answer = useCallback(
    (card: Card, value: AnswerValue | null) => {
      if (!queue || !dispatch({ kind: 'answered', card, value }).live) return;
      // An invalid value stays on screen to be corrected, but only valid answers reach the server.
      queue.put({ phase, instrumentId: card.instrument.id, itemId: card.item.id, value: queuedValue(card, value) });
    },
    [dispatch, phase, queue],
  );
  const goTo = useCallback((position: number) => void dispatch({ kind: 'moved', position }), [dispatch]);
  const next = useCallback(() => void dispatch({ kind: 'next' }), [dispatch]);
  const back = useCallback(() => goTo(survey.progress.position - 1), [goTo, survey.progress.position]);
  const submit = usePhaseSubmit({ ...options, dispatch });
  return { cards: survey.cards, progress: survey.progress, errors: survey.errors, note: survey.note, answer, next, back, goTo, submit };
}
