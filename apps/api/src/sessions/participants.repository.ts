import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { selectOne } from '../common/database/raw-rows';
import { pooledSql, type Sql } from '../common/database/sql';
import { Participant } from './participant.entity';
import { checkedRow, checkedRows, isNumber, isString } from '../common/database/row-shapes';

/** siteId: the site joined through; left out, the database puts them at their session's site or the primary site. */
export type NewParticipant = Pick<Participant, 'studyId' | 'sessionId' | 'seatNumber' | 'tokenHash' | 'language' | 'externalIds'> &
  Partial<
    Pick<
      Participant,
      | 'status'
      | 'consentVersion'
      | 'consentHash'
      | 'consentedAt'
      | 'covariates'
      | 'covariatesAt'
      | 'rejoinedFrom'
      | 'externalKey'
      | 'siteId'
    >
  >;
export type ParticipantPatch = Partial<
  Pick<
    Participant,
    | 'sessionId'
    | 'seatNumber'
    | 'status'
    | 'language'
    | 'consentVersion'
    | 'consentHash'
    | 'consentedAt'
    | 'covariates'
    | 'covariatesAt'
    | 'instructionsConfirmedAt'
    | 'leftAt'
    | 'lastSeenAt'
    | 'tokenHash'
    | 'externalKey'
  >
>;

@Injectable()
export class ParticipantsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(participant: NewParticipant, manager: EntityManager): Promise<Participant> {
    const result = await manager.insert(Participant, participant);
    return manager.findOneByOrFail(Participant, { id: (result.identifiers[0] as { id: string }).id });
  }

  /**
   * The acting participant, fresh, with their row lock: taken before the session's, in every use case
   * (the submit's hot path included, hence plain SQL).
   */
  lock(participantId: string, sql: Sql): Promise<Participant | null> {
    return selectOne(sql, this.dataSource, Participant, 'p', `FROM participant p WHERE p.id = $1 FOR UPDATE`, [participantId]);
  }

  /**
   * The participant holding this token (its hash), unless their session ended more than
   * `tokenHours` ago: long enough to reread the completion and withdrawal codes, short enough that
   * a shared lab tablet forgets the person.
   */
  findByTokenHash(tokenHash: string, tokenHours: number): Promise<Participant | null> {
    return selectOne(
      pooledSql(this.dataSource),
      this.dataSource,
      Participant,
      'p',
      `FROM participant p LEFT JOIN study_session s ON s.id = p.session_id
        WHERE p.token_hash = $1 AND (s.ended_at IS NULL OR s.ended_at > now() - make_interval(hours => $2))`,
      [tokenHash, tokenHours],
    );
  }

  findById(participantId: string, manager: EntityManager = this.dataSource.manager): Promise<Participant | null> {
    return manager.findOneBy(Participant, { id: participantId });
  }

  async update(participantId: string, patch: ParticipantPatch, manager: EntityManager): Promise<void> {
    await manager.update(Participant, { id: participantId }, patch);
  }

  /** The study's live row for a recruitment-platform participant (see externalKeyOf), locked. */
  findByExternalKey(studyId: string, externalKey: string, manager: EntityManager): Promise<Participant | null> {
    return selectOne(
      manager,
      this.dataSource,
      Participant,
      'p',
      `FROM participant p WHERE p.study_id = $1 AND p.external_key = $2 FOR UPDATE`,
      [studyId, externalKey],
    );
  }

  /** Everyone holding a seat of the session (including members who left after allocation), by seat. */
  seated(sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<Participant[]> {
    return manager.find(Participant, { where: { sessionId }, order: { seatNumber: 'ASC' } });
  }

  async touch(participantId: string): Promise<void> {
    await this.dataSource.manager.update(Participant, { id: participantId }, { lastSeenAt: () => 'now()' });
  }

  /** Serialises session forming per study across every API process (advisory, transaction-scoped). */
  async lockWaitingRoom(studyId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('waiting-room|' || $1, 0))`, [studyId]);
  }

  /** The sites where someone fresh is waiting: the waiting room pairs only within one site. */
  async waitingSites(studyId: string, freshSeconds: number, manager: EntityManager): Promise<string[]> {
    const rows: unknown = await manager.query(
      `SELECT DISTINCT site_id FROM participant
        WHERE study_id = $1 AND status = 'consented' AND session_id IS NULL AND covariates_at IS NOT NULL AND left_at IS NULL
          AND last_seen_at > now() - make_interval(secs => $2)
        ORDER BY site_id`,
      [studyId, freshSeconds],
    );
    return checkedRows(rows, { site_id: isString }, 'waiting sites').map((row) => row.site_id);
  }

  /**
   * Up to `size` waiting participants seen within `freshSeconds`, row-locked, in the order they
   * became ready to wait (covariates_at: a rejoined participant queues from the rejoin, not from
   * the consent carried over).
   * SKIP LOCKED: a participant whose own request holds their row is left for that request's attempt.
   */
  claimWaiting(studyId: string, siteId: string, size: number, freshSeconds: number, manager: EntityManager): Promise<Participant[]> {
    return manager
      .createQueryBuilder(Participant, 'p')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('p.studyId = :studyId AND p.siteId = :siteId', { studyId, siteId })
      .andWhere(`p.status = 'consented' AND p.sessionId IS NULL AND p.covariatesAt IS NOT NULL AND p.leftAt IS NULL`)
      .andWhere(`p.lastSeenAt > now() - make_interval(secs => :freshSeconds)`, { freshSeconds })
      .orderBy('p.covariatesAt', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(size)
      .getMany();
  }

  /**
   * Whether `participantId` has a finished submission for `phase`. Only the responses feature
   * writes phase_submission; the session's gates, the participant's state and the submit's
   * PHASE_SUBMITTED answer all read it here, by table, so no feature below responses imports it.
   */
  async hasSubmitted(participantId: string, phase: 'pre' | 'post', sql: Sql = this.dataSource.manager): Promise<boolean> {
    const rows = await sql.query(`SELECT 1 FROM phase_submission WHERE participant_id = $1 AND phase = $2 AND state = 'done'`, [
      participantId,
      phase,
    ]);
    return Array.isArray(rows) && rows.length > 0;
  }

  /** Remembers the hash of the withdrawal code a completion screen showed; the first writer wins. */
  async rememberWithdrawalCode(participantId: string, codeHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE participant SET withdrawal_code_hash = $2 WHERE id = $1 AND withdrawal_code_hash IS NULL`, [
      participantId,
      codeHash,
    ]);
  }

  /** Active members (consented, not left) of the session that have not finished `phase`. */
  async countMissingPhase(sessionId: string, phase: 'pre' | 'post', sql: Sql): Promise<{ active: number; missing: number }> {
    const rows = await sql.query(
      `SELECT count(*)::int AS active,
              count(*) FILTER (WHERE ps.participant_id IS NULL)::int AS missing
         FROM participant p
         LEFT JOIN phase_submission ps ON ps.participant_id = p.id AND ps.phase = $2 AND ps.state = 'done'
        WHERE p.session_id = $1 AND p.status = 'consented' AND p.left_at IS NULL`,
      [sessionId, phase],
    );
    return checkedRow(rows, { active: isNumber, missing: isNumber }, 'members missing a phase');
  }
}
