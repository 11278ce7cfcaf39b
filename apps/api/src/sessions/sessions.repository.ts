import { Injectable } from '@nestjs/common';
import { selectOne } from '../common/database/raw-rows';
import type { Sql } from '../common/database/sql';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { Study } from '../studies/study.entity';
import { SeatLink } from './seat-link.entity';
import { SESSION_STATUSES, type SessionStatus, StudySession } from './session.entity';
import { checkedRow, checkedRows, isDate, isNumber, isString, oneOf, updateResult } from '../common/database/row-shapes';

export type NewSession = Pick<StudySession, 'studyId' | 'siteId' | 'mode' | 'code' | 'size' | 'protocolVersion' | 'createdBy'>;
export type SessionPatch = Partial<Pick<StudySession, 'incomplete' | 'dropoutReason' | 'observedCovariates'>>;

/** Columns a status change may set along with the status itself. */
export interface StatusChangeFields {
  readonly conditionId?: string;
  readonly stratum?: string;
  /** The conversation's length, from the session's protocol. */
  readonly conversationSeconds?: number;
  /** Starts the server-timed conversation now (database clock); lab sessions wait for the research assistant instead. */
  readonly startConversationNow?: boolean;
  /** Ending early: why (a code such as member_left:pre_survey); the session is flagged incomplete. */
  readonly endReason?: string;
  readonly endConversationNow?: boolean;
  /** Abandoning: the reason, and an allocated session is flagged incomplete (analysed as randomised). */
  readonly abandonReason?: string;
}

export interface SessionListRow {
  readonly session: StudySession;
  readonly seatsTaken: number;
}

export interface ExpiredConversation {
  readonly id: string;
  readonly studyId: string;
}

/** True when `error` is PostgreSQL's unique violation (23505), optionally on one constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; constraint?: string };
  return driver.code === '23505' && (constraint === undefined || driver.constraint === constraint);
}

/** The statuses a session ends in; participant tokens expire a while after it got there. */
const ENDED: readonly SessionStatus[] = ['complete', 'ended_early', 'abandoned'];

/**
 * The SET list of a status change, column → SQL expression (values become parameters through
 * `param`). A later entry for the same column replaces an earlier one.
 */
function statusChange(to: SessionStatus, fields: StatusChangeFields, param: (value: unknown) => string): Map<string, string> {
  const set = new Map<string, string>([
    ['status', param(to)],
    ['updated_at', 'now()'],
  ]);
  if (fields.conditionId !== undefined) set.set('condition_id', param(fields.conditionId));
  if (fields.stratum !== undefined) set.set('stratum', param(fields.stratum));
  if (fields.conversationSeconds !== undefined) set.set('conversation_seconds', param(fields.conversationSeconds));
  if (fields.startConversationNow) set.set('conversation_started_at', 'now()');
  if (fields.endReason !== undefined) {
    set.set('dropout_reason', `coalesce(dropout_reason, ${param(fields.endReason)})`);
    set.set('incomplete', 'true');
  }
  if (fields.endConversationNow) set.set('conversation_ended_at', 'now()');
  if (fields.abandonReason !== undefined) {
    set.set('dropout_reason', param(fields.abandonReason));
    set.set('incomplete', 'incomplete OR condition_id IS NOT NULL');
  }
  if (ENDED.includes(to)) set.set('ended_at', 'now()');
  return set;
}

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insertSession(session: NewSession, manager: EntityManager): Promise<StudySession> {
    const result = await manager.insert(StudySession, { ...session, status: 'forming' });
    return manager.findOneByOrFail(StudySession, { id: (result.identifiers[0] as { id: string }).id });
  }

  async insertSeatLinks(
    links: readonly Pick<SeatLink, 'sessionId' | 'seatNumber' | 'secretHash'>[],
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(SeatLink, [...links]);
  }

  async markSeatLinkUsed(linkId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE seat_link SET used_at = now() WHERE id = $1`, [linkId]);
  }

  /** A new secret for one seat's link, unused again; false when the session has no such seat. */
  async replaceSeatLink(sessionId: string, seatNumber: number, secretHash: string, manager: EntityManager): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE seat_link SET secret_hash = $3, used_at = NULL WHERE session_id = $1 AND seat_number = $2`,
      [sessionId, seatNumber, secretHash],
    );
    return updateResult(result, 'replace seat link').affected === 1;
  }

  findSeatLink(secretHash: string, manager: EntityManager): Promise<SeatLink | null> {
    return manager.findOneBy(SeatLink, { secretHash });
  }

  findStudyByJoinCode(joinCode: string, manager: EntityManager): Promise<Study | null> {
    return manager.findOneBy(Study, { joinCode });
  }

  findStudyById(studyId: string, manager: EntityManager): Promise<Study | null> {
    return manager.findOneBy(Study, { id: studyId });
  }

  findLabSessionByCode(code: string, manager: EntityManager): Promise<StudySession | null> {
    return manager.findOneBy(StudySession, { code, mode: 'lab' });
  }

  /** A session of `studyId` only: an id from another study is simply not found. */
  findInStudy(studyId: string, sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<StudySession | null> {
    return manager.findOneBy(StudySession, { id: sessionId, studyId });
  }

  findById(sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<StudySession | null> {
    return manager.findOneBy(StudySession, { id: sessionId });
  }

  /** Every change of a session's seats or status takes this row lock first (after the acting participant's). */
  lock(sessionId: string, sql: Sql): Promise<StudySession | null> {
    return selectOne(sql, this.dataSource, StudySession, 's', `FROM study_session s WHERE s.id = $1 FOR UPDATE`, [sessionId]);
  }

  /** Moves `from` → `to` only if the session is still in `from`; false when it was not. */
  async changeStatus(sessionId: string, from: SessionStatus, to: SessionStatus, fields: StatusChangeFields, sql: Sql): Promise<boolean> {
    const params: unknown[] = [sessionId, from];
    const set = statusChange(to, fields, (value) => `$${params.push(value)}`);
    const result = await sql.query(
      `UPDATE study_session SET ${[...set].map(([column, value]) => `${column} = ${value}`).join(', ')} WHERE id = $1 AND status = $2`,
      params,
    );
    return updateResult(result, 'change session status').affected === 1;
  }

  /** Starts a lab session's waiting conversation now (database clock); false when it was not waiting. */
  async startConversation(sessionId: string, manager: EntityManager): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE study_session SET conversation_started_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'conversation' AND conversation_started_at IS NULL`,
      [sessionId],
    );
    return updateResult(result, 'start conversation').affected === 1;
  }

  async update(sessionId: string, patch: SessionPatch, manager: EntityManager): Promise<void> {
    await manager.update(StudySession, { id: sessionId }, patch);
  }

  /** `siteId` given: that site's sessions only. */
  async list(studyId: string, siteId: string | null = null): Promise<SessionListRow[]> {
    const sessions = await this.dataSource.manager.find(StudySession, {
      where: siteId === null ? { studyId } : { studyId, siteId },
      order: { createdAt: 'DESC' },
    });
    if (sessions.length === 0) return [];
    const counts = checkedRows(
      await this.dataSource.manager.query(
        `SELECT session_id, count(*)::int AS taken FROM participant WHERE study_id = $1 AND session_id IS NOT NULL GROUP BY session_id`,
        [studyId],
      ),
      { session_id: isString, taken: isNumber },
      'seats taken per session',
    );
    const taken = new Map(counts.map((row) => [row.session_id, row.taken]));
    return sessions.map((session) => ({ session, seatsTaken: taken.get(session.id) ?? 0 }));
  }

  /**
   * The time-based transition, idempotent and safe under concurrency: only the statement that
   * still finds the session in 'conversation' with its time up changes it. Scoped to one session
   * or to a whole study.
   */
  async expireConversations(scope: { sessionId: string } | { studyId: string }, sql: Sql): Promise<ExpiredConversation[]> {
    const [column, value] = 'sessionId' in scope ? ['id', scope.sessionId] : ['study_id', scope.studyId];
    const result = await sql.query(
      `UPDATE study_session
          SET status = 'post_survey', updated_at = now(),
              conversation_ended_at = conversation_started_at + make_interval(secs => conversation_seconds)
        WHERE ${column} = $1 AND status = 'conversation'
          AND conversation_started_at + make_interval(secs => conversation_seconds) <= now()
        RETURNING id, study_id`,
      [value],
    );
    const rows = checkedRows(
      updateResult(result, 'expire conversations').rows,
      { id: isString, study_id: isString },
      'expired conversations',
    );
    return rows.map((row) => ({ id: row.id, studyId: row.study_id }));
  }

  /** The session's status as this transaction sees it; null when there is no such session. */
  async statusOf(sessionId: string, sql: Sql): Promise<SessionStatus | null> {
    const rows = checkedRows(
      await sql.query(`SELECT status FROM study_session WHERE id = $1`, [sessionId]),
      { status: oneOf(SESSION_STATUSES) },
      'session status',
    );
    return rows[0]?.status ?? null;
  }

  async databaseNow(manager: EntityManager = this.dataSource.manager): Promise<Date> {
    return checkedRow(await manager.query('SELECT clock_timestamp() AS now'), { now: isDate }, 'database clock').now;
  }
}
