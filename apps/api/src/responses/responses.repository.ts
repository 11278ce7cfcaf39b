import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { pooledSql, type Sql, sqlTransaction } from '../common/database/sql';
import { SESSION_STATUSES, type SessionStatus } from '../sessions/session.entity';
import type { Phase } from './response.entity';
import {
  checkedRows,
  isAnything,
  isBoolean,
  isNumber,
  isRecord,
  isString,
  nullable,
  oneOf,
  type RowShape,
} from '../common/database/row-shapes';

export interface SessionContext {
  readonly status: SessionStatus;
  readonly protocolVersion: number;
  readonly conditionId: string | null;
  /** The frozen protocol's `instruments` list: [{ phase, id, version, hash }]. */
  readonly instruments: unknown;
  /** The frozen protocol's `design.factors` (raw jsonb; read through conditionFacts). */
  readonly factors: unknown;
}

/** Who answers, under which protocol and consent: the columns every response row carries. */
export interface ResponseOwner {
  readonly studyId: string;
  readonly sessionId: string;
  readonly participantId: string;
  readonly phase: Phase;
  readonly protocolVersion: number;
  readonly consentHash: string;
}

export interface DraftAnswer extends ResponseOwner {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly itemId: string;
  readonly value: unknown;
}

export interface FinalResponse {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly answers: Readonly<Record<string, unknown>>;
  readonly scores: Readonly<Record<string, number | null>>;
  readonly checkResults: Readonly<Record<string, boolean | null>> | null;
}

export interface StoredAnswers {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly answers: Record<string, unknown>;
  readonly submitted: boolean;
}

const SESSION_CONTEXT: RowShape<SessionContext> = {
  status: oneOf(SESSION_STATUSES),
  protocolVersion: isNumber,
  conditionId: nullable(isString),
  instruments: isAnything,
  factors: isAnything,
};

@Injectable()
export class ResponsesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The submit's transaction, on a pooled connection without TypeORM's query runner (see Sql). */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return sqlTransaction(this.dataSource, work);
  }

  /** Session status plus the instrument list of the protocol it runs under, in one round trip. */
  async findSessionContext(
    sessionId: string,
    options: { lock?: boolean } = {},
    sql: Sql = pooledSql(this.dataSource),
  ): Promise<SessionContext | null> {
    const rows = await sql.query(
      `SELECT s.status, s.protocol_version AS "protocolVersion", s.condition_id AS "conditionId",
              d.doc -> 'instruments' AS instruments, d.doc -> 'design' -> 'factors' AS factors
         FROM study_session s
         JOIN protocol p ON p.study_id = s.study_id AND p.version = s.protocol_version
         CROSS JOIN LATERAL (SELECT p.canonical_json::jsonb AS doc) d
        WHERE s.id = $1${options.lock === true ? ' FOR UPDATE OF s' : ''}`,
      [sessionId],
    );
    return checkedRows(rows, SESSION_CONTEXT, 'session context')[0] ?? null;
  }

  /** Merges one item into the draft; false when the row is already submitted (frozen). */
  async saveDraftAnswer(draft: DraftAnswer): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO response AS r (study_id, session_id, participant_id, phase, instrument_id, instrument_version, protocol_version, consent_hash, answers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, jsonb_build_object($9::text, $10::jsonb))
       ON CONFLICT (participant_id, phase, instrument_id) DO UPDATE
          SET answers = r.answers || EXCLUDED.answers, instrument_version = EXCLUDED.instrument_version,
              protocol_version = EXCLUDED.protocol_version, consent_hash = EXCLUDED.consent_hash, updated_at = now()
        WHERE r.submitted_at IS NULL
       RETURNING 1 AS saved`,
      [
        draft.studyId,
        draft.sessionId,
        draft.participantId,
        draft.phase,
        draft.instrumentId,
        draft.instrumentVersion,
        draft.protocolVersion,
        draft.consentHash,
        draft.itemId,
        JSON.stringify(draft.value ?? null),
      ],
    );
    return rows.length > 0;
  }

  async listAnswers(participantId: string, phase: Phase): Promise<StoredAnswers[]> {
    const rows: unknown = await this.dataSource.query(
      `SELECT instrument_id AS "instrumentId", instrument_version AS "instrumentVersion", answers, submitted_at IS NOT NULL AS submitted
         FROM response WHERE participant_id = $1 AND phase = $2`,
      [participantId, phase],
    );
    return checkedRows(
      rows,
      { instrumentId: isString, instrumentVersion: isNumber, answers: isRecord, submitted: isBoolean },
      'stored answers',
    );
  }

  /**
   * Writes the final answers and scores of every instrument in one statement. Rows already
   * submitted are left alone and not counted, so the caller can tell a double submission apart.
   */
  async storeFinalResponses(owner: ResponseOwner, responses: readonly FinalResponse[], submittedAt: Date, sql: Sql): Promise<number> {
    const rows = await sql.query(
      `INSERT INTO response AS r (study_id, session_id, participant_id, phase, protocol_version, consent_hash, submitted_at,
                                  instrument_id, instrument_version, answers, scores, check_results)
       SELECT $1, $2, $3, $4, $5, $6, $7, f."instrumentId", f."instrumentVersion", f.answers, f.scores, f."checkResults"
         FROM jsonb_to_recordset($8::jsonb) AS f("instrumentId" text, "instrumentVersion" integer, answers jsonb, scores jsonb, "checkResults" jsonb)
       ON CONFLICT (participant_id, phase, instrument_id) DO UPDATE
          SET answers = EXCLUDED.answers, scores = EXCLUDED.scores, check_results = EXCLUDED.check_results, instrument_version = EXCLUDED.instrument_version,
              protocol_version = EXCLUDED.protocol_version, consent_hash = EXCLUDED.consent_hash,
              submitted_at = EXCLUDED.submitted_at, updated_at = now()
        WHERE r.submitted_at IS NULL
       RETURNING 1 AS stored`,
      [
        owner.studyId,
        owner.sessionId,
        owner.participantId,
        owner.phase,
        owner.protocolVersion,
        owner.consentHash,
        submittedAt,
        JSON.stringify(responses),
      ],
    );
    return Array.isArray(rows) ? rows.length : 0;
  }
}
