// Pre/post change on a scale measured in both phases: per participant, then per session (the
// session stays the unit of analysis).
import { isPresent } from './descriptives';
import { sessionScores, type SessionScore } from './descriptives';

export interface PrePostRow {
  participantId: string;
  sessionId: string;
  pre: number | null;
  post: number | null;
}

export interface ChangeScores {
  /** post − pre; null when either phase is missing. */
  participants: { participantId: string; sessionId: string; change: number | null }[];
  /** Mean change of the members with both phases. */
  sessions: SessionScore[];
}

/** R: `change <- post - pre; tapply(change, session, mean, na.rm = TRUE)`. */
export function changeScores(rows: readonly PrePostRow[]): ChangeScores {
  const participants = rows.map((row) => ({
    participantId: row.participantId,
    sessionId: row.sessionId,
    change: isPresent(row.pre) && isPresent(row.post) ? row.post - row.pre : null,
  }));
  return { participants, sessions: sessionScores(participants.map((p) => ({ sessionId: p.sessionId, value: p.change }))) };
}
