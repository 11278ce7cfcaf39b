import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export type ResultPhase = 'pre' | 'post' | 'change';

// Each phase's columns in the session-scores row: members, mean, within-session SS.
const PHASE_COLUMNS: ReadonlyArray<readonly [ResultPhase, string, string, string]> = [
  ['pre', 'preN', 'preMean', 'preSs'], ['post', 'postN', 'postMean', 'postSs'], ['change', 'changeN', 'changeMean', 'changeSs'],
];

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
// (P4): the model and effect sizes run on sessions, the ICC on (members, mean, within SS). One pass
// pairs each member's pre and post score of a scale (their change), a second aggregates per session.
const SESSION_SCORES = `
  WITH ${INCLUDED},
  members AS (
    SELECT i.session_id, r.participant_id, r.instrument_id, r.instrument_version, sc.key AS scale,
           max((sc.value)::float8) FILTER (WHERE r.phase = 'pre') AS pre,
           max((sc.value)::float8) FILTER (WHERE r.phase = 'post') AS post
      FROM included i
      JOIN response r ON r.participant_id = i.participant_id AND r.submitted_at IS NOT NULL
      CROSS JOIN LATERAL jsonb_each(r.scores) sc
     WHERE jsonb_typeof(sc.value) = 'number'
     GROUP BY i.session_id, r.participant_id, r.instrument_id, r.instrument_version, sc.key
  )
  SELECT m.session_id AS "sessionId", s.condition_id AS "conditionId", m.instrument_id AS "instrumentId",
         m.instrument_version AS "instrumentVersion", m.scale,
         count(m.pre)::int AS "preN", avg(m.pre) AS "preMean", coalesce(var_samp(m.pre) * (count(m.pre) - 1), 0) AS "preSs",
         count(m.post)::int AS "postN", avg(m.post) AS "postMean", coalesce(var_samp(m.post) * (count(m.post) - 1), 0) AS "postSs",
         count(m.post - m.pre)::int AS "changeN", avg(m.post - m.pre) AS "changeMean",
         coalesce(var_samp(m.post - m.pre) * (count(m.post - m.pre) - 1), 0) AS "changeSs"
    FROM members m JOIN study_session s ON s.id = m.session_id
   GROUP BY m.session_id, s.condition_id, m.instrument_id, m.instrument_version, m.scale`;

const CHECK_TALLIES = `
  WITH ${INCLUDED}
  SELECT i.condition_id AS "conditionId", r.instrument_id AS "instrumentId", r.instrument_version AS "instrumentVersion", c.key AS "itemId",
         count(*) FILTER (WHERE c.value = 'true'::jsonb)::int AS passed,
         count(*) FILTER (WHERE c.value = 'false'::jsonb)::int AS failed,
         count(*) FILTER (WHERE c.value = 'null'::jsonb)::int AS unscored
    FROM included i
    JOIN response r ON r.participant_id = i.participant_id AND r.submitted_at IS NOT NULL AND r.check_results IS NOT NULL
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

/** Only queries: the aggregation that reads session-level scores and check tallies. */
@Injectable()
export class ResultsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Session-level scores, one row per session, scale and phase (pre, post, change) where at least
   * `minMembers` members contributed.
   */
  async sessionScores(studyId: string, filter: ResultsFilter): Promise<SessionScaleRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(SESSION_SCORES, this.params(studyId, filter));
    const least = Math.max(1, filter.minMembers);
    const scores: SessionScaleRow[] = [];
    // A plain loop building one object literal shape: with 15,000 rows per request (P4) the
    // spread-and-flatMap version spent more time here than PostgreSQL spent on the query.
    for (const row of rows) {
      const sessionId = text(row, 'sessionId');
      const conditionId = text(row, 'conditionId');
      const instrumentId = text(row, 'instrumentId');
      const instrumentVersion = numeric(row, 'instrumentVersion');
      const scale = text(row, 'scale');
      for (const [phase, n, m, ss] of PHASE_COLUMNS) {
        const members = numeric(row, n);
        if (members >= least) scores.push({ sessionId, conditionId, phase, instrumentId, instrumentVersion, scale, members, mean: numeric(row, m), ss: numeric(row, ss) });
      }
    }
    return scores;
  }

  async checkTallies(studyId: string, filter: ResultsFilter): Promise<CheckTally[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(CHECK_TALLIES, this.params(studyId, filter));
    return rows.map((row) => ({
      conditionId: text(row, 'conditionId'), instrumentId: text(row, 'instrumentId'), instrumentVersion: numeric(row, 'instrumentVersion'),
      itemId: text(row, 'itemId'), passed: numeric(row, 'passed'), failed: numeric(row, 'failed'), unscored: numeric(row, 'unscored'),
    }));
  }

  private params(studyId: string, filter: ResultsFilter): unknown[] {
    return [studyId, filter.protocolVersions === null ? null : [...filter.protocolVersions], filter.includeIncomplete, filter.perProtocol];
  }
}
