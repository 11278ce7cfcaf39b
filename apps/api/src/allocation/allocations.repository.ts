import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Allocation } from './allocation.entity';

@Injectable()
export class AllocationsRepository {
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
    const rows: Array<{ next: number }> = await manager.query(
      `SELECT coalesce(max(sequence_index) + 1, 0)::int AS next FROM allocation WHERE study_id = $1 AND stratum = $2`,
      [studyId, stratum],
    );
    return rows[0]?.next ?? 0;
  }

  async insert(
    allocation: Pick<Allocation, 'studyId' | 'stratum' | 'sequenceIndex' | 'conditionId' | 'sessionId' | 'protocolVersion'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(Allocation, allocation);
  }
}
