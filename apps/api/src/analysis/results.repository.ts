import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Summary } from '@attune/analysis';
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
  /** One site's sessions, by site code; null or left out = every site, pooled. */
  readonly site?: string | null;
}

/**
 * The sessions of one scale, phase and condition that share one session mean, summed: what the
 * results are computed from (sums over sessions pool exactly, see libs/analysis summaries).
 */
export interface ScoreGroupRow {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly scale: string;
  readonly phase: ResultPhase;
  readonly conditionId: string;
  /** The session mean the group's sessions share. */
  readonly value: number;
  readonly sessions: number;
  /** Σ members over the sessions. */
  readonly participants: number;
  /** Σ members², for the ICC's k0. */
  readonly squaredSizes: number;
  /** Σ within-session SS. */
  readonly withinSs: number;
  /** Post rows: the pre means of those sessions that have one (n 0 when none has). */
  readonly pre: Summary;
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
       AND ($5::text IS NULL OR s.site_id = (SELECT site.id FROM study_site site WHERE site.study_id = $1 AND site.code = $5))
       AND (NOT $4::boolean OR NOT EXISTS (
             SELECT 1 FROM response rc CROSS JOIN LATERAL jsonb_each(rc.check_results) c
              WHERE rc.participant_id = p.id AND rc.submitted_at IS NOT NULL AND c.value = 'false'::jsonb))
  )`;

// Members' scale scores are averaged per session, and sessions grouped by scale, phase, condition
// and session mean, so neither member nor session rows leave the database (P4). Members' scores come
// from participant_score, which a trigger keeps equal to the submitted responses' scores, so no
// request expands the responses' jsonb. Everything the results report is a sum over sessions, so
// these groups carry it exactly (libs/analysis pools them); a scale with few distinct session means (items on a 1–7 scale) sends a few hundred rows
// for thousands of sessions, and at worst one row per session. Passes: `members` holds each
// member's pre and post score of a scale (their change); `sessions` gives members, mean and
// within-session SS per phase; `scored` keeps sessions with at least $6 members in a phase; the
// last groups them, post rows with the pre means of their sessions for the ANCOVA.
const SCORE_GROUPS = `
  WITH ${INCLUDED},
  members AS (
    SELECT i.session_id, i.condition_id, ps.instrument_id, ps.instrument_version, ps.scale, ps.pre, ps.post
      FROM included i
      JOIN participant_score ps ON ps.participant_id = i.participant_id
  ),
  sessions AS (
    SELECT condition_id, instrument_id, instrument_version, scale,
           count(pre)::int AS pre_n, avg(pre) AS pre_mean, coalesce(var_samp(pre) * (count(pre) - 1), 0) AS pre_ss,
           count(post)::int AS post_n, avg(post) AS post_mean, coalesce(var_samp(post) * (count(post) - 1), 0) AS post_ss,
           count(post - pre)::int AS change_n, avg(post - pre) AS change_mean, coalesce(var_samp(post - pre) * (count(post - pre) - 1), 0) AS change_ss
      FROM members GROUP BY session_id, condition_id, instrument_id, instrument_version, scale
  ),
  scored AS (
    SELECT condition_id, instrument_id, instrument_version, scale, 'pre' AS phase, pre_n AS n, pre_mean AS mean, pre_ss AS ss, null::float8 AS pre
      FROM sessions WHERE pre_n >= $6
    UNION ALL
    SELECT condition_id, instrument_id, instrument_version, scale, 'post', post_n, post_mean, post_ss, CASE WHEN pre_n >= $6 THEN pre_mean END
      FROM sessions WHERE post_n >= $6
    UNION ALL
    SELECT condition_id, instrument_id, instrument_version, scale, 'change', change_n, change_mean, change_ss, null
      FROM sessions WHERE change_n >= $6
  )
  SELECT instrument_id AS "instrumentId", instrument_version AS "instrumentVersion", scale, phase, condition_id AS "conditionId", mean AS value,
         count(*)::int AS sessions, sum(n)::int AS participants, sum(n * n)::int AS "squaredSizes", sum(ss) AS "withinSs",
         count(pre)::int AS paired, avg(pre) AS "preMean", coalesce(var_samp(pre) * (count(pre) - 1), 0) AS "preSs"
    FROM scored
   GROUP BY instrument_id, instrument_version, scale, phase, condition_id, mean`;

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

function phase(row: Record<string, unknown>): ResultPhase {
  const value = text(row, 'phase');
  if (value !== 'pre' && value !== 'post' && value !== 'change') throw new Error(`results row: phase ${value}`);
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

  /** Session scores grouped by scale, phase, condition and session mean, for sessions with at least `minMembers` members. */
  async scoreGroups(studyId: string, filter: ResultsFilter): Promise<ScoreGroupRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(SCORE_GROUPS, [
      ...this.params(studyId, filter),
      Math.max(1, filter.minMembers),
    ]);
    return rows.map((row) => {
      const paired = numeric(row, 'paired');
      return {
        instrumentId: text(row, 'instrumentId'),
        instrumentVersion: numeric(row, 'instrumentVersion'),
        scale: text(row, 'scale'),
        phase: phase(row),
        conditionId: text(row, 'conditionId'),
        value: numeric(row, 'value'),
        sessions: numeric(row, 'sessions'),
        participants: numeric(row, 'participants'),
        squaredSizes: numeric(row, 'squaredSizes'),
        withinSs: numeric(row, 'withinSs'),
        pre: paired === 0 ? { n: 0, mean: 0, ss: 0 } : { n: paired, mean: numeric(row, 'preMean'), ss: numeric(row, 'preSs') },
      };
    });
  }

  async checkTallies(studyId: string, filter: ResultsFilter): Promise<CheckTally[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(CHECK_TALLIES, this.params(studyId, filter));
    return rows.map((row) => ({
      conditionId: text(row, 'conditionId'),
      instrumentId: text(row, 'instrumentId'),
      instrumentVersion: numeric(row, 'instrumentVersion'),
      itemId: text(row, 'itemId'),
      passed: numeric(row, 'passed'),
      failed: numeric(row, 'failed'),
      unscored: numeric(row, 'unscored'),
    }));
  }

  private params(studyId: string, filter: ResultsFilter): unknown[] {
    return [
      studyId,
      filter.protocolVersions === null ? null : [...filter.protocolVersions],
      filter.includeIncomplete,
      filter.perProtocol,
      filter.site ?? null,
    ];
  }
}
