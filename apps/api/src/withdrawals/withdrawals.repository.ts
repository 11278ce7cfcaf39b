import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { columnsOf, selectOne } from '../common/database/raw-rows';
import { Participant } from '../sessions/participant.entity';
import { SESSION_STATUSES, type SessionStatus } from '../sessions/session.entity';
import { checkedRows, isString, oneOf } from '../common/database/row-shapes';

const isSessionStatus = oneOf(SESSION_STATUSES);

export interface SeatOccupant {
  readonly participant: Participant;
  readonly sessionStatus: SessionStatus;
}

// Every row of one person: a rejoin (dropout policy reform_remaining) gives them a new row in a new
// session, linked by rejoined_from, and their answers in either session are theirs to withdraw.
const PERSON_ROWS = `
  WITH RECURSIVE earlier AS (
    SELECT id, rejoined_from FROM participant WHERE id = $1
    UNION SELECT p.id, p.rejoined_from FROM participant p JOIN earlier e ON p.id = e.rejoined_from
  ), later AS (
    SELECT id FROM participant WHERE id = $1
    UNION SELECT p.id FROM participant p JOIN later l ON p.rejoined_from = l.id
  )
  SELECT p.id FROM participant p WHERE p.id IN (SELECT id FROM earlier UNION SELECT id FROM later)
   ORDER BY p.id FOR UPDATE`;

@Injectable()
export class WithdrawalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The participant a withdrawal code was shown to, locked. */
  findByCode(codeHash: string, manager: EntityManager): Promise<Participant | null> {
    return selectOne(manager, this.dataSource, Participant, 'p', `FROM participant p WHERE p.withdrawal_code_hash = $1 FOR UPDATE`, [
      codeHash,
    ]);
  }

  /** Who sat in a seat of a session of this study (by the session's typed code), locked. */
  async findSeat(studyId: string, sessionCode: string, seatNumber: number, manager: EntityManager): Promise<SeatOccupant | null> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT ${columnsOf(this.dataSource, Participant, 'p')}, s.status AS "sessionStatus"
         FROM participant p JOIN study_session s ON s.id = p.session_id
        WHERE s.study_id = $1 AND upper(s.code) = upper($2) AND p.seat_number = $3
          FOR UPDATE OF p`,
      [studyId, sessionCode, seatNumber],
    );
    const row = rows[0];
    if (!row) return null;
    const { sessionStatus, ...columns } = row;
    if (!isSessionStatus(sessionStatus)) throw new Error('seat occupant: unexpected session status');
    return { participant: manager.create(Participant, columns), sessionStatus };
  }

  /** The ids of every row of the person behind `participantId`, locked (participant rows before sessions, as everywhere). */
  async personRows(participantId: string, manager: EntityManager): Promise<string[]> {
    const rows: unknown = await manager.query(PERSON_ROWS, [participantId]);
    return checkedRows(rows, { id: isString }, "a person's rows").map((row) => row.id);
  }

  /**
   * Deletes the answers and scores of these rows and what they reported about themselves, except
   * the covariates the allocation was stratified by (already part of the session's stratum, and
   * needed to verify the allocation); keeps the rows (seat, consent record, timestamps) so the allocation stays complete. The done
   * phase submissions stay too: they hold a timestamp, no answers, and the CONSORT flow counts them.
   */
  async erase(
    participantIds: readonly string[],
    keepCovariates: readonly string[],
    manager: EntityManager,
  ): Promise<{ responses: number; sessionIds: string[] }> {
    const [, deleted] = (await manager.query(`DELETE FROM response WHERE participant_id = ANY($1::uuid[])`, [participantIds])) as [
      unknown,
      number,
    ];
    // TypeORM answers an UPDATE (even with RETURNING) and a DELETE as [rows, affected count].
    const [rows] = (await manager.query(
      `UPDATE participant SET status = 'withdrawn', withdrawn_at = now(), external_ids = '{}'::jsonb, external_key = NULL,
              covariates = (SELECT coalesce(jsonb_object_agg(c.key, c.value), '{}'::jsonb) FROM jsonb_each(covariates) c WHERE c.key = ANY($2::text[]))
        WHERE id = ANY($1::uuid[]) RETURNING session_id`,
      [participantIds, keepCovariates],
    )) as [Array<{ session_id: string | null }>, number];
    const sessionIds = [...new Set(rows.flatMap((row) => (row.session_id ? [row.session_id] : [])))];
    await manager.query(`UPDATE study_session SET withdrawn_member = true WHERE id = ANY($1::uuid[])`, [sessionIds]);
    return { responses: deleted, sessionIds };
  }
}
