import type { AnswerValue, Instrument } from '@attune/survey';
import { callApi } from './http';
import { type InstrumentRef, loadInstruments } from './instruments';
import type { StoredParticipant } from './participant-store';
import type { KeyValueStore } from './storage';
import { buildCards, firstUnanswered } from './survey-cards';
import { loadProgress, mergeAnswers, type PhaseAnswerMap, type PhaseProgress, saveProgress } from './survey-store';
import type { Phase, PhaseAnswers } from './types';

export type LoadedPhase =
  | { readonly kind: 'ready'; readonly instruments: readonly Instrument[]; readonly progress: PhaseProgress }
  | { readonly kind: 'submitted' }
  | { readonly kind: 'unavailable' };

function isAnswerValue(value: unknown): value is AnswerValue | null {
  return value === null || typeof value === 'number' || typeof value === 'string'
    || (Array.isArray(value) && value.every((entry) => typeof entry === 'string'));
}

function serverAnswers(body: PhaseAnswers): PhaseAnswerMap {
  return Object.fromEntries(body.instruments.map((instrument) => [
    instrument.id,
    Object.fromEntries(Object.entries(instrument.answers).filter((entry): entry is [string, AnswerValue | null] => isAnswerValue(entry[1]))),
  ]));
}

/**
 * Everything a phase needs to resume: its instruments, this phone's progress, and the server's
 * drafts (a reopened link on another phone, or a cleared browser, still finds its answers).
 * Offline, this phone's own copy is enough to carry on.
 */
export async function loadPhase(me: StoredParticipant, phase: Phase, refs: readonly InstrumentRef[], language: string, store: KeyValueStore): Promise<LoadedPhase> {
  const [instruments, drafts] = await Promise.all([
    loadInstruments(refs, store),
    callApi<PhaseAnswers>('GET', `/answers/${phase}`, { token: me.token }),
  ]);
  const saved = loadProgress(store, me.participantId, phase);
  const server = drafts.kind === 'ok' ? drafts.data : null;
  if (server && server.instruments.length > 0 && server.instruments.every((instrument) => instrument.submitted)) {
    saveProgress(store, me.participantId, phase, { ...saved, submittedAt: saved.submittedAt ?? new Date().toISOString() });
    return { kind: 'submitted' };
  }
  if (!instruments) return { kind: 'unavailable' };
  const answers = server ? mergeAnswers(serverAnswers(server), saved.answers) : saved.answers;
  const knewNothing = saved.position === 0 && Object.keys(saved.answers).length === 0;
  const position = knewNothing ? firstUnanswered(buildCards(instruments, language), answers) : saved.position;
  const progress: PhaseProgress = { ...saved, answers, position };
  saveProgress(store, me.participantId, phase, progress);
  return { kind: 'ready', instruments, progress };
}
