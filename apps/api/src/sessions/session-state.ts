import type { SessionStatus, StudySession } from './session.entity';

/**
 * The session life cycle as data. `allocated → conversation` exists for designs without a
 * pre-survey; every non-final state may be abandoned (an allocated session keeps its condition).
 */
export const SESSION_TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  forming: ['allocated', 'abandoned'],
  allocated: ['pre_survey', 'conversation', 'ended_early', 'abandoned'],
  pre_survey: ['conversation', 'ended_early', 'abandoned'],
  conversation: ['post_survey', 'ended_early', 'abandoned'],
  post_survey: ['complete', 'abandoned'],
  complete: [],
  ended_early: [],
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
 * What a member's departure after allocation does to the session, by the step it happens in:
 * - before the conversation has ended (allocated, pre_survey, conversation) and fewer than two
 *   members remain: the one left alone never talked with a partner, so must not rate one; the
 *   session ends early and they get a short debrief with their completion code;
 * - otherwise (a triad keeps two members, or the conversation is over and only the post-survey is
 *   left): the session goes on, flagged incomplete.
 * Departures before allocation free the seat and never reach this rule.
 */
export function afterDeparture(status: SessionStatus, activeRemaining: number): 'end_early' | 'continue' {
  const beforeConversationEnded = status === 'allocated' || status === 'pre_survey' || status === 'conversation';
  return beforeConversationEnded && activeRemaining < 2 ? 'end_early' : 'continue';
}

/**
 * With dropout policy 'reform_remaining', a member left alone may start over in the waiting room
 * as a new participant, but only while unexposed: their session ended early while still allocated
 * and they had not confirmed (so not acted on) the condition's instructions. The old session keeps
 * its condition (its slot is never re-issued), so the reassignment shows in the data and audit.
 */
export function canRejoin(
  policy: 'keep_as_randomised' | 'reform_remaining',
  participant: { readonly status: string; readonly leftAt: Date | null; readonly instructionsConfirmedAt: Date | null },
  session: { readonly status: SessionStatus; readonly conditionId: string | null } | null,
): boolean {
  return (
    policy === 'reform_remaining' &&
    participant.status === 'consented' &&
    participant.leftAt === null &&
    participant.instructionsConfirmedAt === null &&
    session !== null &&
    session.conditionId !== null &&
    session.status === 'ended_early'
  );
}

export interface ConversationClock {
  readonly startedAt: Date;
  readonly durationSeconds: number;
  readonly endsAt: Date;
  /** The server's clock, so each phone can correct its own and show the same remaining time. */
  readonly serverNow: Date;
}

/** The server-timed conversation, while it runs. */
export function conversationClock(
  session: Pick<StudySession, 'status' | 'conversationStartedAt' | 'conversationSeconds'>,
  serverNow: Date,
): ConversationClock | null {
  const { conversationStartedAt: startedAt, conversationSeconds: durationSeconds } = session;
  if (session.status !== 'conversation' || !startedAt || durationSeconds === null) return null;
  return { startedAt, durationSeconds, endsAt: new Date(startedAt.getTime() + durationSeconds * 1000), serverNow };
}
