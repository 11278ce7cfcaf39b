import type { StudyDesign } from '../studies/study-design';
import type { Participant } from '../sessions/participant.entity';
import type { StudySession } from '../sessions/session.entity';
import { SessionError } from '../sessions/sessions.errors';

/** Declined and left participants can do nothing more with their token (except read their state). */
export function requireStillIn(participant: Pick<Participant, 'status'>): void {
  if (participant.status === 'declined' || participant.status === 'left') throw new SessionError('PARTICIPANT_LEFT');
}

export function requireOpen(session: Pick<StudySession, 'status'> | null): void {
  if (session && (session.status === 'abandoned' || session.status === 'complete' || session.status === 'ended_early'))
    throw new SessionError('SESSION_CLOSED');
}

/** A waiting online participant: consented, questions answered, no seat yet. */
export function isWaiting(participant: Pick<Participant, 'status' | 'covariatesAt' | 'sessionId'>): boolean {
  return participant.status === 'consented' && participant.covariatesAt !== null && participant.sessionId === null;
}

/** The participant's language: one the study is offered in, by default its first. */
export function languageFor(design: Pick<StudyDesign, 'languages'>, requested: string | undefined): string {
  const languages = design.languages;
  if (requested === undefined) return languages[0] ?? 'en';
  if (!languages.includes(requested)) {
    throw new SessionError('UNKNOWN_LANGUAGE', {
      errors: [{ path: 'language', code: 'UNKNOWN_LANGUAGE', message: `must be one of ${languages.join(', ')}` }],
    });
  }
  return requested;
}
