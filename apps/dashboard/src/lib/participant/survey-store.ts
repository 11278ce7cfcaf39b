import type { AnswerValue } from '@attune/survey';
import { isRecord, type KeyValueStore, readJson, writeJson } from './storage';
import { queueStorageKey } from './answer-queue';
import type { Phase } from './types';

/** instrument id → item id → answer. */
export type PhaseAnswerMap = Readonly<Record<string, Readonly<Record<string, AnswerValue | null>>>>;

/** What this phone remembers of one phase, so a reload resumes at the same card with every answer. */
export interface PhaseProgress {
  readonly answers: PhaseAnswerMap;
  /** Index of the card on screen (instruction cards count). */
  readonly position: number;
  /** One key per phase, reused by every retry of the final submit. */
  readonly idempotencyKey: string;
  readonly submittedAt: string | null;
}

function isProgress(value: unknown): value is PhaseProgress {
  return (
    isRecord(value) &&
    isRecord(value['answers']) &&
    typeof value['position'] === 'number' &&
    typeof value['idempotencyKey'] === 'string' &&
    (value['submittedAt'] === null || typeof value['submittedAt'] === 'string')
  );
}

function progressKey(participantId: string, phase: Phase): string {
  return `attune.progress.${participantId}.${phase}`;
}

/**
 * Idempotency-Key characters the API accepts (A-Z a-z 0-9 _ - : .). getRandomValues, unlike
 * randomUUID, also works on plain-http lab networks, which are not secure contexts.
 */
export function newIdempotencyKey(phase: Phase): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `submit-${phase}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export function loadProgress(store: KeyValueStore, participantId: string, phase: Phase): PhaseProgress {
  const saved = readJson(store, progressKey(participantId, phase), isProgress);
  if (saved) return saved;
  const fresh: PhaseProgress = { answers: {}, position: 0, idempotencyKey: newIdempotencyKey(phase), submittedAt: null };
  saveProgress(store, participantId, phase, fresh);
  return fresh;
}

export function saveProgress(store: KeyValueStore, participantId: string, phase: Phase, progress: PhaseProgress): void {
  writeJson(store, progressKey(participantId, phase), progress);
}

/** Everything this phone kept of a participant's answers (after a withdrawal, nothing may stay). */
export function forgetAnswers(store: KeyValueStore, participantId: string): void {
  for (const phase of ['pre', 'post'] as const) store.remove(progressKey(participantId, phase));
  store.remove(queueStorageKey(participantId));
}

export function withAnswer(answers: PhaseAnswerMap, instrumentId: string, itemId: string, value: AnswerValue | null): PhaseAnswerMap {
  return { ...answers, [instrumentId]: { ...answers[instrumentId], [itemId]: value } };
}

/**
 * Server drafts fill in what this phone does not know (another device, cleared storage); this
 * phone's own answers win, because they are written before they are sent and so are never older.
 */
export function mergeAnswers(server: PhaseAnswerMap, local: PhaseAnswerMap): PhaseAnswerMap {
  const merged: Record<string, Record<string, AnswerValue | null>> = {};
  for (const id of new Set([...Object.keys(server), ...Object.keys(local)])) {
    merged[id] = { ...server[id], ...local[id] };
  }
  return merged;
}
