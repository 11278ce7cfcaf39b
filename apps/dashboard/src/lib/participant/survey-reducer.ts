import type { AnswerValue, Instrument } from '@attune/survey';
import type { SubmitResult } from './submit-phase';
import { answerOf, buildCards, type Card, cardIssue, cardKey, issuesFromPaths, phaseIssues } from './survey-cards';
import { type PhaseProgress, withAnswer } from './survey-store';

/** What the participant sees while the final submit is under way or was refused. */
export type SubmitNote = null | 'sending' | 'offline' | 'retrying' | 'failed' | 'resubmit';

/**
 * One phase on this phone: its cards, the progress kept in localStorage (answers, place,
 * Idempotency-Key, submitted), the problems shown next to items, and the submit's note. React
 * holds it; every rule that changes it lives in `surveyReducer`, so it is tested without React.
 */
export interface SurveyState {
  readonly instruments: readonly Instrument[];
  readonly cards: readonly Card[];
  readonly progress: PhaseProgress;
  /**
   * False while the progress is the server's view only (see LoadedPhase.settled): answers and moves
   * are ignored then, because writing would overwrite the stored Idempotency-Key and unsent answers.
   */
  readonly live: boolean;
  /** cardKey → libs/survey code; '' marks an item checked and found fine. */
  readonly errors: Readonly<Record<string, string>>;
  readonly note: SubmitNote;
}

export type SurveyAction =
  /** This phone's own copy replaced the server's view. */
  | { readonly kind: 'loaded'; readonly progress: PhaseProgress }
  /** This phone's copy is in and the answer queue exists (or no longer does). */
  | { readonly kind: 'live'; readonly live: boolean }
  | { readonly kind: 'answered'; readonly card: Card; readonly value: AnswerValue | null }
  | { readonly kind: 'moved'; readonly position: number }
  | { readonly kind: 'next' }
  /** Submit pressed: checked here first, so a refusal the server would give is shown at once. */
  | { readonly kind: 'submit' }
  | { readonly kind: 'retrying'; readonly offline: boolean }
  /** The server's answer to the submit; `at` is when it arrived (the reducer reads no clock). */
  | { readonly kind: 'result'; readonly result: SubmitResult; readonly at: string }
  /** The Idempotency-Key met another body and the server holds no submission: a new key, submit again. */
  | { readonly kind: 'new-key'; readonly idempotencyKey: string };

export function initialSurvey(instruments: readonly Instrument[], language: string, progress: PhaseProgress, live: boolean): SurveyState {
  return { instruments, cards: buildCards(instruments, language), progress, live, errors: {}, note: null };
}

/** The value the answer queue sends for a card: an invalid one stays on screen but reaches the server as null. */
export function queuedValue(card: Card, value: AnswerValue | null): AnswerValue | null {
  return cardIssue(card, value, true) ? null : value;
}

function withProgress(state: SurveyState, progress: Partial<PhaseProgress>): SurveyState {
  return state.live ? { ...state, progress: { ...state.progress, ...progress } } : state;
}

function moved(state: SurveyState, position: number): SurveyState {
  return withProgress(state, { position: Math.max(0, Math.min(state.cards.length, position)) });
}

/** Shows `found` and goes to the first card with a problem, so the participant sees what to fix. */
function withIssues(state: SurveyState, found: Readonly<Record<string, string>>): SurveyState {
  const first = state.cards.findIndex((card) => cardKey(card.instrument.id, card.item.id) in found);
  const shown = { ...state, errors: found, note: null };
  return first >= 0 ? moved(shown, first) : shown;
}

function answered(state: SurveyState, card: Card, value: AnswerValue | null): SurveyState {
  if (!state.live) return state;
  const key = cardKey(card.instrument.id, card.item.id);
  const answers = withAnswer(state.progress.answers, card.instrument.id, card.item.id, value);
  return { ...withProgress(state, { answers }), errors: { ...state.errors, [key]: cardIssue(card, value, true) ?? '' } };
}

/** Next moves on only past a card whose answer would be accepted (a required item must be answered). */
function next(state: SurveyState): SurveyState {
  const card = state.cards[state.progress.position];
  if (!card) return state;
  const issue = cardIssue(card, answerOf(state.progress.answers, card), false);
  if (issue) return { ...state, errors: { ...state.errors, [cardKey(card.instrument.id, card.item.id)]: issue } };
  return moved(state, state.progress.position + 1);
}

function submit(state: SurveyState): SurveyState {
  if (!state.live) return state;
  const found = phaseIssues(state.instruments, state.progress.answers);
  return Object.keys(found).length > 0 ? withIssues(state, found) : { ...state, note: 'sending' };
}

function settled(state: SurveyState, result: SubmitResult, at: string): SurveyState {
  switch (result.kind) {
    case 'submitted':
      return withProgress(state, { submittedAt: state.progress.submittedAt ?? at });
    case 'invalid':
      return withIssues(state, issuesFromPaths(result.errors));
    case 'refused':
      // A closed phase and a reused key are answered by the hook (see submitFollowUp); the note stays until then.
      return result.code === 'PHASE_NOT_OPEN' || result.code === 'IDEMPOTENCY_KEY_REUSED' ? state : { ...state, note: 'failed' };
    case 'aborted':
      return state;
  }
}

export function surveyReducer(state: SurveyState, action: SurveyAction): SurveyState {
  switch (action.kind) {
    case 'loaded':
      return { ...state, progress: action.progress };
    case 'live':
      return { ...state, live: action.live };
    case 'answered':
      return answered(state, action.card, action.value);
    case 'moved':
      return moved(state, action.position);
    case 'next':
      return next(state);
    case 'submit':
      return submit(state);
    case 'retrying':
      return { ...state, note: action.offline ? 'offline' : 'retrying' };
    case 'result':
      return settled(state, action.result, action.at);
    case 'new-key':
      return { ...withProgress(state, { idempotencyKey: action.idempotencyKey }), note: 'resubmit' };
  }
}

/**
 * What the phone must do after a submit's result, beyond the state change: tell the app the phase
 * is done, re-read the state (the phase closed meanwhile), or ask the server whether it already
 * holds this phase (the key met another body: an earlier attempt may have stored it).
 */
export type SubmitFollowUp = 'submitted' | 'phase-closed' | 'check-server' | null;

export function submitFollowUp(result: SubmitResult): SubmitFollowUp {
  if (result.kind === 'submitted') return 'submitted';
  if (result.kind !== 'refused') return null;
  if (result.code === 'PHASE_NOT_OPEN') return 'phase-closed';
  return result.code === 'IDEMPOTENCY_KEY_REUSED' ? 'check-server' : null;
}
