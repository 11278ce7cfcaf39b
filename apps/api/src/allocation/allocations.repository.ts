import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AllocatedSessionRow } from '../randomisation/verify-allocations';
import { Allocation } from './allocation.entity';
import {
  arrayOf,
  checkedRow,
  checkedRows,
  isNumber,
  isString,
  isStringRecord,
  nullable,
  type RowShape,
} from '../common/database/row-shapes';

const ALLOCATED_SESSION_ROW: RowShape<AllocatedSessionRow> = {
  sessionId: isString,
  sessionStratum: nullable(isString),
  sessionCondition: nullable(isString),
  allocationStratum: isString,
  allocationCondition: isString,
  observed: isStringRecord,
  memberCovariates: arrayOf(isStringRecord),
  siteCode: nullable(isString),
};

@Injectable()
export class AllocationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Serialises allocation per (study, stratum) across every API process until the transaction
   * ends. A hash collision between two strata only costs extra waiting, never correctness: the
   * UNIQUE (study_id, stratum, sequence_index) constraint still guards the slots.
   */
  async lockStratum(studyId: string, stratum: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || '|' || $2, 0))`, [studyId, stratum]);
  }

  /** The next unused slot of the stratum's sequence; call only while holding lockStratum. */
  async nextSequenceIndex(studyId: string, stratum: string, manager: EntityManager): Promise<number> {
    const rows: unknown = await manager.query(
      `SELECT coalesce(max(sequence_index) + 1, 0)::int AS next FROM allocation WHERE study_id = $1 AND stratum = $2`,
      [studyId, stratum],
    );
    return checkedRow(rows, { next: isNumber }, 'next sequence index').next;
  }

  async insert(
    allocation: Pick<Allocation, 'studyId' | 'stratum' | 'sequenceIndex' | 'conditionId' | 'sessionId' | 'protocolVersion'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(Allocation, allocation);
  }

  /** Every allocated session with its allocation row and the covariates its stratum comes from. */
  async listAllocatedSessions(studyId: string): Promise<AllocatedSessionRow[]> {
    const rows: unknown = await this.dataSource.query(
      `SELECT s.id AS "sessionId", s.stratum AS "sessionStratum", s.condition_id AS "sessionCondition",
              a.stratum AS "allocationStratum", a.condition_id AS "allocationCondition", s.observed_covariates AS observed,
              coalesce((SELECT jsonb_agg(p.covariates ORDER BY p.seat_number) FROM participant p WHERE p.session_id = s.id), '[]'::jsonb) AS "memberCovariates",
              CASE WHEN site.is_primary THEN NULL ELSE site.code END AS "siteCode"
         FROM allocation a JOIN study_session s ON s.id = a.session_id JOIN study_site site ON site.id = s.site_id
        WHERE a.study_id = $1
        ORDER BY a.stratum, a.sequence_index`,
      [studyId],
    );
    return checkedRows(rows, ALLOCATED_SESSION_ROW, 'allocated sessions');
  }

  /** Stored allocations, in sequence order per stratum: what verification compares against. */
  listAllocations(studyId: string): Promise<Allocation[]> {
    return this.dataSource.manager.find(Allocation, { where: { studyId }, order: { stratum: 'ASC', sequenceIndex: 'ASC' } });
  }
}
