import { isRecord, type KeyValueStore, readJson, writeJson } from './storage';
import type { Entry } from './types';

/** Exported for /p's inline check, which runs before any JavaScript bundle has arrived. */
export const PARTICIPANT_KEY = 'attune.participant.v1';

/** The capability token of this phone's participant and the link it came from. */
export interface StoredParticipant {
  readonly token: string;
  readonly participantId: string;
  readonly entry: string;
}

function isStored(value: unknown): value is StoredParticipant {
  return (
    isRecord(value) &&
    typeof value['token'] === 'string' &&
    typeof value['participantId'] === 'string' &&
    typeof value['entry'] === 'string'
  );
}

/** A stable name for the way in: opening the same link again resumes instead of joining twice. */
export function entryKey(entry: Entry): string {
  switch (entry.kind) {
    case 'seat':
      return `seat:${entry.secret}`;
    case 'code':
      return `code:${entry.code.trim().toUpperCase()}`;
    case 'study':
      return `study:${entry.code.trim().toUpperCase()}:${entry.externalIds.PROLIFIC_PID ?? ''}`;
  }
}

export function loadParticipant(store: KeyValueStore): StoredParticipant | null {
  return readJson(store, PARTICIPANT_KEY, isStored);
}

export function saveParticipant(store: KeyValueStore, participant: StoredParticipant): void {
  writeJson(store, PARTICIPANT_KEY, participant);
}

export function forgetParticipant(store: KeyValueStore): void {
  store.remove(PARTICIPANT_KEY);
}
