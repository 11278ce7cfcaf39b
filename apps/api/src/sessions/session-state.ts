import type { SessionStatus, StudySession } from './session.entity';

/**
 * The session life cycle as data. `allocated → conversation` exists for designs without a
 * pre-survey; every non-final state may be abandoned (an allocated session keeps its condition).
 */
export const SESSION_TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  forming: ['allocated', 'abandoned'],
  allocated: ['pre_survey', 'conversation', 'abandoned'],
  pre_survey: ['conversation', 'abandoned'],
  conversation: ['post_survey', 'abandoned'],
  post_survey: ['complete', 'abandoned'],
  complete: [],
  abandoned: [],
};

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return SESSION_TRANSITIONS[from].includes(to);
}

/** The survey phase a status belongs to, if any. */
export function phaseOf(status: SessionStatus): 'pre' | 'post' | null {
  if (status === 'pre_survey') return 'pre';
  if (status === 'post_survey') return 'post';
  return null;
}

/** Where a session goes once every member has confirmed the instructions. */
export function afterInstructions(preInstrumentCount: number): SessionStatus {
  return preInstrumentCount > 0 ? 'pre_survey' : 'conversation';
}

/** Where a session goes once every member has submitted `phase`. */
export function afterPhase(phase: 'pre' | 'post'): SessionStatus {
  return phase === 'pre' ? 'conversation' : 'complete';
}

/** Condition and instructions are concealed until allocation. */
export function isAllocated(status: SessionStatus, conditionId: string | null): conditionId is string {
  return status !== 'forming' && conditionId !== null;
}

/**
 * With dropout policy 'reform_remaining', a member whose partner left after allocation may start
 * over in the waiting room as a new participant; the old session keeps its condition (its slot is
 * never re-issued), so the reassignment is visible in the data and the audit trail.
 */
export function canRejoin(
  policy: 'keep_as_randomised' | 'reform_remaining',
  participant: { readonly status: string },
  session: { readonly status: SessionStatus; readonly conditionId: string | null; readonly incomplete: boolean } | null,
): boolean {
  return policy === 'reform_remaining' && participant.status === 'consented' && session !== null
    && session.conditionId !== null && session.incomplete && session.status !== 'complete';
}

export interface ConversationClock {
  readonly startedAt: Date;
  readonly durationSeconds: number;
  readonly endsAt: Date;
  /** The server's clock, so each phone can correct its own and show the same remaining time. */
  readonly serverNow: Date;
}

/** The server-timed conversation, while it runs. */
export function conversationClock(session: Pick<StudySession, 'status' | 'conversationStartedAt' | 'conversationSeconds'>, serverNow: Date): ConversationClock | null {
  const { conversationStartedAt: startedAt, conversationSeconds: durationSeconds } = session;
  if (session.status !== 'conversation' || !startedAt || durationSeconds === null) return null;
  return { startedAt, durationSeconds, endsAt: new Date(startedAt.getTime() + durationSeconds * 1000), serverNow };
}
