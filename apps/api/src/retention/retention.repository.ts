import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { IdentifyingItems } from './identifying-answers';
import { checkedRows, isString } from '../common/database/row-shapes';

// One key for the whole job: any replica may run it, and only one does at a time.
const RETENTION_LOCK = 7_302_118_501;

@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** False when another replica holds the job's lock; released when the transaction ends. */
  async tryLockJob(manager: EntityManager): Promise<boolean> {
    const [row] = (await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RETENTION_LOCK])) as Array<{ locked: boolean }>;
    return row?.locked === true;
  }

  /** Closed studies whose retention period ended and whose identifiers are still there, locked. */
  async dueStudies(retentionDays: number, manager: EntityManager): Promise<string[]> {
    const rows: unknown = await manager.query(
      `SELECT id FROM study
        WHERE status = 'closed' AND identifiers_deleted_at IS NULL
          AND seed_revealed_at <= now() - make_interval(days => $1)
        ORDER BY seed_revealed_at FOR UPDATE`,
      [retentionDays],
    );
    return checkedRows(rows, { id: isString }, 'studies due for retention').map((row) => row.id);
  }

  async countWithdrawn(studyId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM participant WHERE study_id = $1 AND status = 'withdrawn'`, [
      studyId,
    ])) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  async deleteExternalIds(studyId: string, manager: EntityManager): Promise<number> {
    const [, affected] = (await manager.query(
      `UPDATE participant SET external_ids = '{}'::jsonb, external_key = NULL WHERE study_id = $1 AND (external_ids <> '{}'::jsonb OR external_key IS NOT NULL)`,
      [studyId],
    )) as [unknown, number];
    return affected;
  }

  /** Removes the flagged items' answers from the study's responses; returns how many responses held one. */
  async deleteIdentifyingAnswers(studyId: string, items: readonly IdentifyingItems[], manager: EntityManager): Promise<number> {
    let total = 0;
    for (const item of items) {
      const [, affected] = (await manager.query(
        `UPDATE response SET answers = answers - $4::text[]
          WHERE study_id = $1 AND instrument_id = $2 AND instrument_version = $3 AND answers ?| $4::text[]`,
        [studyId, item.instrumentId, item.version, item.itemIds],
      )) as [unknown, number];
      total += affected;
    }
    return total;
  }

  async markIdentifiersDeleted(studyId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE study SET identifiers_deleted_at = now() WHERE id = $1`, [studyId]);
  }

  /**
   * Removes every participant of the study, with their answers (response rows cascade), phase
   * submissions and seat links; sessions (with their stratum and the research assistant's
   * observations) and allocations stay, so the allocation sequence can still be verified against
   * the revealed seed.
   */
  async purgeParticipants(studyId: string, manager: EntityManager): Promise<{ participants: number; responses: number }> {
    const [, responses] = (await manager.query(`DELETE FROM response WHERE study_id = $1`, [studyId])) as [unknown, number];
    await manager.query(`DELETE FROM phase_submission ps USING participant p WHERE p.id = ps.participant_id AND p.study_id = $1`, [
      studyId,
    ]);
    await manager.query(`DELETE FROM seat_link sl USING study_session s WHERE s.id = sl.session_id AND s.study_id = $1`, [studyId]);
    const [, participants] = (await manager.query(`DELETE FROM participant WHERE study_id = $1`, [studyId])) as [unknown, number];
    await manager.query(
      `UPDATE study SET participant_data_purged_at = now(), identifiers_deleted_at = coalesce(identifiers_deleted_at, now()) WHERE id = $1`,
      [studyId],
    );
    return { participants, responses };
  }
}
