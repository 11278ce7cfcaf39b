import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { pooledSql, type Sql } from '../common/database/sql';
import type { StoredSubmission } from './idempotency';
import type { Phase } from './response.entity';
import { checkedRows, isBoolean, isNumber, isRecord, isString, nullable, oneOf, type RowShape } from '../common/database/row-shapes';

/**
 * A claim on a phase: the in_progress row this request inserted or took over. `claimedAt` is
 * created_at as PostgreSQL's own text (microseconds intact), so it matches exactly in WHERE.
 */
export interface SubmissionClaim {
  readonly participantId: string;
  readonly phase: Phase;
  readonly idempotencyKey: string;
  readonly claimedAt: string;
}

const STORED_SUBMISSION: RowShape<StoredSubmission> = {
  idempotencyKey: isString,
  requestHash: isString,
  state: oneOf(['in_progress', 'done'] as const),
  responseStatus: nullable(isNumber),
  responseBody: nullable(isRecord),
  stale: isBoolean,
};

/** The claim's timestamp (as text, so it matches to the microsecond later), or null when no row was claimed. */
function claimedAt(rows: unknown): string | null {
  return checkedRows(rows, { claimedAt: isString }, 'claim')[0]?.claimedAt ?? null;
}

// UPDATE and DELETE … RETURNING are wrapped in a CTE so that query() returns plain rows.
@Injectable()
export class PhaseSubmissionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Its own autocommit statement, so a concurrent duplicate sees the claim at once. */
  async insertClaim(participantId: string, phase: Phase, idempotencyKey: string, requestHash: string): Promise<string | null> {
    const rows = await pooledSql(this.dataSource).query(
      `INSERT INTO phase_submission (participant_id, phase, idempotency_key, request_hash, state)
       VALUES ($1, $2, $3, $4, 'in_progress')
       ON CONFLICT (participant_id, phase) DO NOTHING
       RETURNING created_at::text AS "claimedAt"`,
      [participantId, phase, idempotencyKey, requestHash],
    );
    return claimedAt(rows);
  }

  async find(participantId: string, phase: Phase, staleSeconds: number): Promise<StoredSubmission | null> {
    const rows: unknown = await this.dataSource.query(
      `SELECT idempotency_key AS "idempotencyKey", request_hash AS "requestHash", state,
              response_status AS "responseStatus", response_body AS "responseBody",
              (state = 'in_progress' AND created_at < now() - make_interval(secs => $3)) AS stale
         FROM phase_submission WHERE participant_id = $1 AND phase = $2`,
      [participantId, phase, staleSeconds],
    );
    return checkedRows(rows, STORED_SUBMISSION, 'stored submission')[0] ?? null;
  }

  /** Re-claims a stale in_progress row atomically: of several retries, one wins. */
  async takeOverStale(
    participantId: string,
    phase: Phase,
    idempotencyKey: string,
    requestHash: string,
    staleSeconds: number,
  ): Promise<string | null> {
    const rows: unknown = await this.dataSource.query(
      `WITH taken AS (
         UPDATE phase_submission SET idempotency_key = $3, request_hash = $4, created_at = now()
          WHERE participant_id = $1 AND phase = $2 AND state = 'in_progress' AND created_at < now() - make_interval(secs => $5)
         RETURNING created_at::text AS "claimedAt")
       SELECT "claimedAt" FROM taken`,
      [participantId, phase, idempotencyKey, requestHash, staleSeconds],
    );
    return claimedAt(rows);
  }

  /** Marks the claim done with the response to replay; false when the claim was lost (taken over). */
  async complete(claim: SubmissionClaim, status: number, body: Record<string, unknown>, completedAt: Date, sql: Sql): Promise<boolean> {
    const rows = await sql.query(
      `WITH done AS (
         UPDATE phase_submission SET state = 'done', response_status = $5, response_body = $6::jsonb, completed_at = $7
          WHERE participant_id = $1 AND phase = $2 AND idempotency_key = $3 AND created_at = $4::timestamptz AND state = 'in_progress'
         RETURNING 1)
       SELECT 1 FROM done`,
      [claim.participantId, claim.phase, claim.idempotencyKey, claim.claimedAt, status, JSON.stringify(body), completedAt],
    );
    return Array.isArray(rows) && rows.length > 0;
  }

  /** Drops this request's own claim if it is still in progress; a done row is never touched. */
  async release(claim: SubmissionClaim): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM phase_submission
        WHERE participant_id = $1 AND phase = $2 AND idempotency_key = $3 AND created_at = $4::timestamptz AND state = 'in_progress'`,
      [claim.participantId, claim.phase, claim.idempotencyKey, claim.claimedAt],
    );
  }
}
