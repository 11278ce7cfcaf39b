import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { count, type RawRow, rowsOf, text } from './flow.rows';

/** Which sessions and participants the flow counts; every option is echoed in the report. */
export interface FlowFilter {
  /** Protocol versions to include; null = all. */
  readonly protocolVersions: readonly number[] | null;
  /** true: every allocated session with the data it has (intention to treat); false: complete sessions only. */
  readonly includeIncomplete: boolean;
  /** true: participants who failed any check are excluded rather than analysed. */
  readonly perProtocol: boolean;
  /** One site's participants and sessions, by site code; null = every site, pooled. */
  readonly site: string | null;
}

/** The SQL condition "row's site is the site coded by parameter `param`" (any site when it is NULL). */
function atSite(column: string, param: string): string {
  return `(${param}::text IS NULL OR ${column} = (SELECT site.id FROM study_site site WHERE site.study_id = $1 AND site.code = ${param}))`;
}

/** Participant rows before allocation; the four last counts partition joined + rejoins. */
export interface PeopleCounts {
  readonly joined: number;
  readonly rejoins: number;
  readonly declinedConsent: number;
  readonly leftBeforeAllocation: number;
  readonly notAllocated: number;
  readonly allocated: number;
}

export interface ConditionCounts {
  readonly conditionId: string;
  readonly sessions: number;
  readonly participants: number;
  readonly reachedPreSurvey: number;
  readonly reachedConversation: number;
  readonly reachedPostSurvey: number;
  readonly completed: number;
  readonly leftAfterAllocation: number;
  readonly rejoinedElsewhere: number;
  readonly failedCheck: number;
  readonly excludedWithSession: number;
  readonly excludedFailedCheck: number;
  /** Withdrew consent after taking part: their answers were deleted (their seat stays allocated). */
  readonly withdrew: number;
  readonly withoutPostData: number;
  readonly analysed: number;
}

export interface SessionReasonCount {
  readonly conditionId: string;
  /** 'dropout': the session's recorded dropout reason; 'excluded': why the filter leaves it out. */
  readonly kind: 'dropout' | 'excluded';
  readonly reason: string;
  readonly sessions: number;
  readonly participants: number;
}

// A participant without a seat (declined, left while waiting) has no session to carry a protocol
// version, so they belong to the protocol in force when they joined.
const PEOPLE = `
  SELECT count(*) FILTER (WHERE p.rejoined_from IS NULL) AS joined,
         count(*) FILTER (WHERE p.rejoined_from IS NOT NULL) AS rejoins,
         count(*) FILTER (WHERE p.status = 'declined') AS declined,
         count(*) FILTER (WHERE p.status = 'left' AND p.session_id IS NULL) AS left_before_allocation,
         count(*) FILTER (WHERE p.status IN ('joined', 'consented') AND s.condition_id IS NULL) AS not_allocated,
         count(*) FILTER (WHERE s.condition_id IS NOT NULL) AS allocated
    FROM participant p LEFT JOIN study_session s ON s.id = p.session_id
   WHERE p.study_id = $1 AND ${atSite('p.site_id', '$3')}
     AND ($2::int[] IS NULL OR coalesce(s.protocol_version,
           (SELECT max(pr.version) FROM protocol pr WHERE pr.study_id = p.study_id AND pr.created_at <= p.created_at)) = ANY($2::int[]))`;

// Allocated sessions under the filter ($3 = includeIncomplete, the same rule as the results), with
// how far each got. A session that ended early or was abandoned no longer shows its step in its
// status, so "past allocation" also reads the member_left code the departure rule writes, the
// conversation clock, and whether every member confirmed the instructions (which is what moves a
// session on).
const SESSIONS = (siteParam: string): string => `
  sessions AS (
    SELECT s.id, s.condition_id, s.dropout_reason, s.conversation_started_at,
           ($3::boolean OR (s.status = 'complete' AND NOT s.incomplete)) AS included,
           CASE WHEN s.status = 'abandoned' THEN 'abandoned' WHEN s.status = 'ended_early' THEN 'ended_early'
                WHEN s.incomplete THEN 'incomplete' ELSE 'not_finished' END AS exclusion,
           (s.status IN ('pre_survey', 'conversation', 'post_survey', 'complete') OR s.conversation_started_at IS NOT NULL
             OR s.dropout_reason IN ('member_left:pre_survey', 'member_left:conversation')
             OR coalesce((SELECT bool_and(m.instructions_confirmed_at IS NOT NULL) FROM participant m WHERE m.session_id = s.id), false)) AS past_allocated,
           (s.status IN ('post_survey', 'complete') OR (s.status = 'abandoned' AND s.conversation_ended_at IS NOT NULL)) AS post_open,
           (SELECT count(*) FROM participant m WHERE m.session_id = s.id) AS members
      FROM study_session s
     WHERE s.study_id = $1 AND s.condition_id IS NOT NULL AND ${atSite('s.site_id', siteParam)}
       AND ($2::int[] IS NULL OR s.protocol_version = ANY($2::int[]))
  )`;

// Check results count only once submitted, as in the results' per-protocol filter.
const MEMBERS = `
  members AS (
    SELECT p.id, p.session_id, p.status,
           EXISTS (SELECT 1 FROM phase_submission ps WHERE ps.participant_id = p.id AND ps.phase = 'pre' AND ps.state = 'done') AS pre_done,
           EXISTS (SELECT 1 FROM phase_submission ps WHERE ps.participant_id = p.id AND ps.phase = 'post' AND ps.state = 'done') AS post_done,
           EXISTS (SELECT 1 FROM response r WHERE r.participant_id = p.id AND r.phase = 'post' AND r.submitted_at IS NOT NULL) AS post_data,
           EXISTS (SELECT 1 FROM response r CROSS JOIN LATERAL jsonb_each(r.check_results) c
                    WHERE r.participant_id = p.id AND r.submitted_at IS NOT NULL AND c.value = 'false'::jsonb) AS failed_check,
           EXISTS (SELECT 1 FROM participant later WHERE later.rejoined_from = p.id) AS rejoined
      FROM participant p JOIN sessions s ON s.id = p.session_id
  )`;

// $4 = perProtocol. The five last counts partition the allocated participants: excluded with
// their session, withdrew consent, excluded for a failed check, no post-survey data, analysed.
// A withdrawn member's answers (and so their check results) are deleted, hence the order.
const CONDITIONS = `
  WITH ${SESSIONS('$5')}, ${MEMBERS}
  SELECT s.condition_id,
         count(DISTINCT s.id) AS sessions,
         count(m.id) AS participants,
         count(m.id) FILTER (WHERE s.past_allocated OR m.pre_done) AS reached_pre_survey,
         count(m.id) FILTER (WHERE s.conversation_started_at IS NOT NULL) AS reached_conversation,
         count(m.id) FILTER (WHERE s.post_open OR m.post_done) AS reached_post_survey,
         count(m.id) FILTER (WHERE m.post_done) AS completed,
         count(m.id) FILTER (WHERE m.status = 'left' AND NOT m.rejoined) AS left_after_allocation,
         count(m.id) FILTER (WHERE m.rejoined) AS rejoined_elsewhere,
         count(m.id) FILTER (WHERE m.failed_check) AS failed_check,
         count(m.id) FILTER (WHERE NOT s.included) AS excluded_with_session,
         count(m.id) FILTER (WHERE s.included AND m.status = 'withdrawn') AS withdrew,
         count(m.id) FILTER (WHERE s.included AND $4::boolean AND m.failed_check) AS excluded_failed_check,
         count(m.id) FILTER (WHERE s.included AND m.status <> 'withdrawn' AND NOT ($4::boolean AND m.failed_check) AND NOT m.post_data) AS without_post_data,
         count(m.id) FILTER (WHERE s.included AND NOT ($4::boolean AND m.failed_check) AND m.post_data) AS analysed
    FROM sessions s LEFT JOIN members m ON m.session_id = s.id
   GROUP BY s.condition_id
   ORDER BY s.condition_id`;

const REASONS = `
  WITH ${SESSIONS('$4')}
  SELECT condition_id, 'dropout' AS kind, dropout_reason AS reason, count(*) AS sessions, sum(members) AS participants
    FROM sessions WHERE dropout_reason IS NOT NULL GROUP BY condition_id, dropout_reason
  UNION ALL
  SELECT condition_id, 'excluded', exclusion, count(*), sum(members)
    FROM sessions WHERE NOT included GROUP BY condition_id, exclusion
  ORDER BY 1, 2, 3`;

function toConditionCounts(row: RawRow): ConditionCounts {
  return {
    conditionId: text(row, 'condition_id'),
    sessions: count(row, 'sessions'),
    participants: count(row, 'participants'),
    reachedPreSurvey: count(row, 'reached_pre_survey'),
    reachedConversation: count(row, 'reached_conversation'),
    reachedPostSurvey: count(row, 'reached_post_survey'),
    completed: count(row, 'completed'),
    leftAfterAllocation: count(row, 'left_after_allocation'),
    rejoinedElsewhere: count(row, 'rejoined_elsewhere'),
    failedCheck: count(row, 'failed_check'),
    excludedWithSession: count(row, 'excluded_with_session'),
    excludedFailedCheck: count(row, 'excluded_failed_check'),
    withdrew: count(row, 'withdrew'),
    withoutPostData: count(row, 'without_post_data'),
    analysed: count(row, 'analysed'),
  };
}

function toReason(row: RawRow): SessionReasonCount {
  const kind = text(row, 'kind');
  if (kind !== 'dropout' && kind !== 'excluded') throw new Error(`unknown reason kind ${kind}`);
  return {
    conditionId: text(row, 'condition_id'),
    kind,
    reason: text(row, 'reason'),
    sessions: count(row, 'sessions'),
    participants: count(row, 'participants'),
  };
}

/** The CONSORT flow as three grouped queries; nothing is counted row by row in the API. */
@Injectable()
export class FlowRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async people(studyId: string, filter: FlowFilter): Promise<PeopleCounts> {
    const [row] = rowsOf(await this.dataSource.query(PEOPLE, [studyId, filter.protocolVersions, filter.site]));
    if (!row) throw new Error('the people count returned no row');
    return {
      joined: count(row, 'joined'),
      rejoins: count(row, 'rejoins'),
      declinedConsent: count(row, 'declined'),
      leftBeforeAllocation: count(row, 'left_before_allocation'),
      notAllocated: count(row, 'not_allocated'),
      allocated: count(row, 'allocated'),
    };
  }

  async conditions(studyId: string, filter: FlowFilter): Promise<ConditionCounts[]> {
    const params = [studyId, filter.protocolVersions, filter.includeIncomplete, filter.perProtocol, filter.site];
    return rowsOf(await this.dataSource.query(CONDITIONS, params)).map(toConditionCounts);
  }

  async sessionReasons(studyId: string, filter: FlowFilter): Promise<SessionReasonCount[]> {
    return rowsOf(await this.dataSource.query(REASONS, [studyId, filter.protocolVersions, filter.includeIncomplete, filter.site])).map(
      toReason,
    );
  }
}
