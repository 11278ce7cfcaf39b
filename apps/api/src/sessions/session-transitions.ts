import { Injectable } from '@nestjs/common';
import type { Sql } from '../common/database/sql';
import { type AuditActor, AuditRepository, SYSTEM_ACTOR } from '../audit/audit.repository';
import type { SessionStatus, StudySession } from './session.entity';
import { canTransition } from './session-state';
import { SessionError } from './sessions.errors';
import { SessionsRepository, type StatusChangeFields } from './sessions.repository';

/** Who caused a change, as the audit trail records it. */
export type Actor = AuditActor;

export const SYSTEM: Actor = SYSTEM_ACTOR;

/**
 * The one way a session's status changes: checked against the transition table, applied with a
 * conditional UPDATE (so a stale caller cannot overwrite a newer status) and audited.
 */
@Injectable()
export class SessionTransitions {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Call with the session row locked; updates `session.status` in place. */
  async move(sql: Sql, session: StudySession, to: SessionStatus, actor: Actor, fields: StatusChangeFields = {}): Promise<void> {
    const from = session.status;
    if (!canTransition(from, to)) throw new SessionError('ILLEGAL_TRANSITION', { detail: `a ${from} session cannot become ${to}` });
    if (!(await this.sessions.changeStatus(session.id, from, to, fields, sql))) {
      throw new SessionError('ILLEGAL_TRANSITION', { detail: `the session is no longer ${from}` });
    }
    session.status = to;
    await this.recordChange(sql, session, from, to, actor);
  }

  async recordChange(
    sql: Sql,
    session: Pick<StudySession, 'id' | 'studyId'>,
    from: SessionStatus,
    to: SessionStatus,
    actor: Actor,
  ): Promise<void> {
    await this.audit.study(
      'session.status_changed',
      { studyId: session.studyId, by: actor, subject: ['session', session.id], data: { from, to } },
      sql,
    );
  }
}
