import type { AnswerValue, Instrument } from '@attune/survey';
import { type InstrumentRef, loadInstruments } from './instruments';
import type { StoredParticipant } from './participant-store';
import { getDrafts } from './participant-api';
import type { KeyValueStore } from './storage';
import { buildCards, firstUnanswered } from './survey-cards';
import { loadProgress, mergeAnswers, type PhaseAnswerMap, type PhaseProgress, saveProgress } from './survey-store';
import type { Phase, PhaseAnswers } from './types';

export type LoadedPhase =
  | {
      readonly kind: 'ready';
      readonly instruments: readonly Instrument[];
      readonly progress: PhaseProgress;
      /**
       * False while the progress is only the server's view (/p's first render): this phone's own
       * copy, with its place, unsent answers and Idempotency-Key, has not been read yet, so nothing
       * may be answered or written until it has.
       */
      readonly settled: boolean;
    }
  | { readonly kind: 'submitted' }
  | { readonly kind: 'unavailable' };

function isAnswerValue(value: unknown): value is AnswerValue | null {
  return (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    (Array.isArray(value) && value.every((entry) => typeof entry === 'string'))
  );
}

function serverAnswers(body: PhaseAnswers): PhaseAnswerMap {
  return Object.fromEntries(
    body.instruments.map((instrument) => [
      instrument.id,
      Object.fromEntries(
        Object.entries(instrument.answers).filter((entry): entry is [string, AnswerValue | null] => isAnswerValue(entry[1])),
      ),
    ]),
  );
}

/** The server holds this participant's submission of every instrument of the phase. */
export function isPhaseSubmitted(drafts: PhaseAnswers): boolean {
  return drafts.instruments.length > 0 && drafts.instruments.every((instrument) => instrument.submitted);
}

/**
 * The phase as the server alone knows it: what /p renders before the phone's JavaScript runs, and
 * what the phone's first render must repeat exactly (hydration). It reads no storage.
 */
export function serverPhase(instruments: readonly Instrument[], drafts: PhaseAnswers, language: string): LoadedPhase {
  if (isPhaseSubmitted(drafts)) return { kind: 'submitted' };
  const answers = serverAnswers(drafts);
  const position = firstUnanswered(buildCards(instruments, language), answers);
  return { kind: 'ready', instruments, progress: { answers, position, idempotencyKey: '', submittedAt: null }, settled: false };
}

/**
 * Joins the server's drafts (a reopened link on another phone, or a cleared browser, still finds
 * its answers) with this phone's progress. Without drafts (offline) this phone's copy carries on.
 */
export function settlePhase(
  me: StoredParticipant,
  phase: Phase,
  instruments: readonly Instrument[] | null,
  drafts: PhaseAnswers | null,
  language: string,
  store: KeyValueStore,
): LoadedPhase {
  const saved = loadProgress(store, me.participantId, phase);
  if (drafts && isPhaseSubmitted(drafts)) {
    saveProgress(store, me.participantId, phase, { ...saved, submittedAt: saved.submittedAt ?? new Date().toISOString() });
    return { kind: 'submitted' };
  }
  if (!instruments) return { kind: 'unavailable' };
  const answers = drafts ? mergeAnswers(serverAnswers(drafts), saved.answers) : saved.answers;
  const knewNothing = saved.position === 0 && Object.keys(saved.answers).length === 0;
  const position = knewNothing ? firstUnanswered(buildCards(instruments, language), answers) : saved.position;
  const progress: PhaseProgress = { ...saved, answers, position };
  saveProgress(store, me.participantId, phase, progress);
  return { kind: 'ready', instruments, progress, settled: true };
}

/** Everything a phase needs to resume when the server render did not bring it: fetched, then settled. */
export async function loadPhase(
  me: StoredParticipant,
  phase: Phase,
  refs: readonly InstrumentRef[],
  language: string,
  store: KeyValueStore,
): Promise<LoadedPhase> {
  const [instruments, drafts] = await Promise.all([loadInstruments(refs, store), getDrafts(me.token, phase)]);
  return settlePhase(me, phase, instruments, drafts.kind === 'ok' ? drafts.data : null, language, store);
}
