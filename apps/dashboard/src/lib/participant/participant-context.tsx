'use client';

import { createContext, useContext } from 'react';
import type { AnswerQueue } from './answer-queue';
import type { Outcome } from './http';
import type { ActionBodies, ActionPath } from './participant-api';
import type { StoredParticipant } from './participant-store';
import type { ParticipantState, Phase, ServerPhase } from './types';

/**
 * Everything a participant screen may need from the app around it: the server's state, who this
 * phone is, and the actions that change the state. Shared by context so a screen three levels down
 * reads it directly instead of every level passing it on.
 */
export interface ParticipantContextValue {
  readonly state: ParticipantState;
  readonly me: StoredParticipant;
  /** The server's clock minus this phone's (see clock.ts). */
  readonly offsetMs: number;
  /** Null for the moment between the first render and the queue's creation (an effect). */
  readonly queue: AnswerQueue | null;
  /** The survey phase as /p's server render loaded it, if it did. */
  readonly preloaded: ServerPhase | null;
  /** A POST of the participant API, then a fresh state. */
  readonly act: <P extends ActionPath>(path: P, body?: ActionBodies[P]) => Promise<Outcome<unknown>>;
  readonly refresh: () => Promise<void>;
  /** The server acknowledged (or already held) this phone's submission of `phase`. */
  readonly onSubmitted: (phase: Phase) => void;
  /** After the partner left: join a new session as a new participant. */
  readonly onRejoin: () => Promise<void>;
  /** Before consent only: the participant's language becomes `language`. */
  readonly switchLanguage: (language: string) => Promise<boolean>;
}

const ParticipantContext = createContext<ParticipantContextValue | null>(null);

export const ParticipantProvider = ParticipantContext.Provider;

/** The participant around this screen; a screen rendered outside ParticipantProvider is a bug, said loudly. */
export function useParticipantContext(): ParticipantContextValue {
  const value = useContext(ParticipantContext);
  if (!value) throw new Error('A participant screen was rendered outside ParticipantProvider');
  return value;
}
