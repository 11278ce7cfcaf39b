import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export type ResultPhase = 'pre' | 'post' | 'change';

/** Which sessions and participants an analysis includes; every option is echoed in the results. */
export interface ResultsFilter {
  /** Protocol versions to include; null = all. */
  readonly protocolVersions: readonly number[] | null;
  /** true: every allocated session with the data it has (as randomised); false: complete sessions only. */
  readonly includeIncomplete: boolean;
  /** true: leave out participants who failed any manipulation or attention check. */
  readonly perProtocol: boolean;
  /** Sessions need at least this many members contributing to a scale. */
  readonly minMembers: number;
}

/** One session's score on one scale in one phase: the members' mean and what ICC(1) needs. */
export interface SessionScaleRow {
  readonly sessionId: string;
  readonly conditionId: string;
  readonly phase: ResultPhase;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly scale: string;
  readonly members: number;
  readonly mean: number;
  /** Σ (member − session mean)², 0 for one member. */
  readonly ss: number;
}

export interface CheckTally {
  readonly conditionId: string;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly itemId: string;
  readonly passed: number;
  readonly failed: number;
  readonly unscored: number;
}

// The participants an analysis may use, by the filter: seated in an allocated session of the study.
const INCLUDED = `
  included AS (
    SELECT p.id AS participant_id, s.id AS session_id, s.condition_id
      FROM participant p JOIN study_session s ON s.id = p.session_id
     WHERE s.study_id = $1 AND s.condition_id IS NOT NULL
       AND ($2::int[] IS NULL OR s.protocol_version = ANY($2::int[]))
       AND ($3::boolean OR (s.status = 'complete' AND NOT s.incomplete))
       AND (NOT $4::boolean OR NOT EXISTS (
             SELECT 1 FROM response rc CROSS JOIN LATERAL jsonb_each(rc.check_results) c
              WHERE rc.participant_id = p.id AND rc.submitted_at IS NOT NULL AND c.value = 'false'::jsonb))
  )`;

// Members' scale scores are averaged per session here, so only session rows leave the database
// (P4): the model and effect sizes run on sessions, the ICC on (members, mean, within SS).
const SESSION_SCORES = `
  WITH ${INCLUDED},
  scores AS (
    SELECT i.session_id, i.condition_id, i.participant_id, r.phase, r.instrument_id, r.instrument_version,
           sc.key AS scale, (sc.value #>> '{}')::float8 AS value
      FROM included i
      JOIN response r ON r.participant_id = i.participant_id AND r.submitted_at IS NOT NULL
      CROSS JOIN LATERAL jsonb_each(r.scores) sc
     WHERE jsonb_typeof(sc.value) = 'number'
  ),
  changes AS (
    SELECT session_id, condition_id, participant_id, 'change'::text AS phase, instrument_id, max(instrument_version) AS instrument_version, scale,
           max(value) FILTER (WHERE phase = 'post') - max(value) FILTER (WHERE phase = 'pre') AS value
      FROM scores GROUP BY session_id, condition_id, participant_id, instrument_id, scale
    HAVING count(*) FILTER (WHERE phase = 'pre') = 1 AND count(*) FILTER (WHERE phase = 'post') = 1
  ),
  every_score AS (
    SELECT session_id, condition_id, phase, instrument_id, instrument_version, scale, value FROM scores
    UNION ALL
    SELECT session_id, condition_id, phase, instrument_id, instrument_version, scale, value FROM changes
  )
  SELECT session_id AS "sessionId", condition_id AS "conditionId", phase, instrument_id AS "instrumentId",
         instrument_version AS "instrumentVersion", scale, count(*)::int AS members, avg(value) AS mean,
         coalesce(var_samp(value) * (count(*) - 1), 0) AS ss
    FROM every_score
   GROUP BY session_id, condition_id, phase, instrument_id, instrument_version, scale
  HAVING count(*) >= $5
   ORDER BY instrument_id, instrument_version, scale, phase, condition_id, session_id`;

const CHECK_TALLIES = `
  WITH ${INCLUDED}
  SELECT i.condition_id AS "conditionId", r.instrument_id AS "instrumentId", r.instrument_version AS "instrumentVersion", c.key AS "itemId",
         count(*) FILTER (WHERE c.value = 'true'::jsonb)::int AS passed,
         count(*) FILTER (WHERE c.value = 'false'::jsonb)::int AS failed,
         count(*) FILTER (WHERE c.value = 'null'::jsonb)::int AS unscored
    FROM included i
    JOIN response r ON r.participant_id = i.participant_id AND r.submitted_at IS NOT NULL
    CROSS JOIN LATERAL jsonb_each(r.check_results) c
   GROUP BY i.condition_id, r.instrument_id, r.instrument_version, c.key
   ORDER BY 2, 3, 4, 1`;

function text(row: Record<string, unknown>, key: string): string {
  const value = row[key];
  if (typeof value !== 'string') throw new Error(`results row: ${key} is not text`);
  return value;
}

/** pg returns float8 as number and int as number; anything else is a schema fault. */
function numeric(row: Record<string, unknown>, key: string): number {
  const value = row[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`results row: ${key} is not a finite number`);
  return value;
}

function phaseOf(value: string): ResultPhase {
  if (value === 'pre' || value === 'post' || value === 'change') return value;
  throw new Error(`results row: unknown phase ${value}`);
}

/** Only queries: the aggregation that reads session-level scores and check tallies. */
@Injectable()
export class ResultsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async sessionScores(studyId: string, filter: ResultsFilter): Promise<SessionScaleRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(SESSION_SCORES, this.params(studyId, filter));
    return rows.map((row) => ({
      sessionId: text(row, 'sessionId'), conditionId: text(row, 'conditionId'), phase: phaseOf(text(row, 'phase')),
      instrumentId: text(row, 'instrumentId'), instrumentVersion: numeric(row, 'instrumentVersion'), scale: text(row, 'scale'),
      members: numeric(row, 'members'), mean: numeric(row, 'mean'), ss: numeric(row, 'ss'),
    }));
  }

  async checkTallies(studyId: string, filter: ResultsFilter): Promise<CheckTally[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(CHECK_TALLIES, this.params(studyId, filter).slice(0, 4));
    return rows.map((row) => ({
      conditionId: text(row, 'conditionId'), instrumentId: text(row, 'instrumentId'), instrumentVersion: numeric(row, 'instrumentVersion'),
      itemId: text(row, 'itemId'), passed: numeric(row, 'passed'), failed: numeric(row, 'failed'), unscored: numeric(row, 'unscored'),
    }));
  }

  private params(studyId: string, filter: ResultsFilter): unknown[] {
    return [studyId, filter.protocolVersions === null ? null : [...filter.protocolVersions], filter.includeIncomplete, filter.perProtocol, filter.minMembers];
  }
}
