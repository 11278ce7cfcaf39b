import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { count, type RawRow, rowsOf, text } from './flow.rows';

export interface StratumEnrolment {
  readonly conditionId: string;
  /** The canonical stratum key; '' is the single stratum of an unstratified design. */
  readonly stratum: string;
  readonly sessions: number;
  readonly completeSessions: number;
  readonly participants: number;
}

export interface SiteEnrolment {
  readonly siteId: string;
  readonly code: string;
  readonly name: string;
  readonly isPrimary: boolean;
  readonly sessions: number;
  readonly completeSessions: number;
  readonly participants: number;
}

const AT_SITE = `($2::text IS NULL OR s.site_id = (SELECT site.id FROM study_site site WHERE site.study_id = $1 AND site.code = $2))`;

// Allocated sessions (they consumed a slot of the sequence, whatever happened after) and the
// participants seated in them, including members who later left: they were enrolled.
const ENROLMENT = `
  SELECT s.condition_id, coalesce(s.stratum, '') AS stratum,
         count(*) AS sessions,
         count(*) FILTER (WHERE s.status = 'complete' AND NOT s.incomplete) AS complete_sessions,
         coalesce(sum(m.seated), 0) AS participants
    FROM study_session s
    LEFT JOIN (SELECT session_id, count(*) AS seated FROM participant WHERE study_id = $1 AND session_id IS NOT NULL GROUP BY session_id) m
      ON m.session_id = s.id
   WHERE s.study_id = $1 AND s.condition_id IS NOT NULL AND ${AT_SITE}
   GROUP BY s.condition_id, coalesce(s.stratum, '')
   ORDER BY 1, 2`;

// The same counts per site: every site of the study (one, when limited to a site), even with no session.
const BY_SITE = `
  SELECT site.id AS site_id, site.code, site.name, site.is_primary,
         count(s.id) AS sessions,
         count(s.id) FILTER (WHERE s.status = 'complete' AND NOT s.incomplete) AS complete_sessions,
         coalesce(sum(m.seated), 0) AS participants
    FROM study_site site
    LEFT JOIN study_session s ON s.site_id = site.id AND s.condition_id IS NOT NULL
    LEFT JOIN (SELECT session_id, count(*) AS seated FROM participant WHERE study_id = $1 AND session_id IS NOT NULL GROUP BY session_id) m
      ON m.session_id = s.id
   WHERE site.study_id = $1 AND ($2::text IS NULL OR site.code = $2)
   GROUP BY site.id
   ORDER BY site.is_primary DESC, site.created_at, site.code`;

function toStratum(row: RawRow): StratumEnrolment {
  return {
    conditionId: text(row, 'condition_id'),
    stratum: text(row, 'stratum'),
    sessions: count(row, 'sessions'),
    completeSessions: count(row, 'complete_sessions'),
    participants: count(row, 'participants'),
  };
}

@Injectable()
export class EnrolmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `site`: a site code, or null for every site. */
  async byConditionAndStratum(studyId: string, site: string | null): Promise<StratumEnrolment[]> {
    return rowsOf(await this.dataSource.query(ENROLMENT, [studyId, site])).map(toStratum);
  }

  async bySite(studyId: string, site: string | null): Promise<SiteEnrolment[]> {
    return rowsOf(await this.dataSource.query(BY_SITE, [studyId, site])).map((row) => ({
      siteId: text(row, 'site_id'),
      code: text(row, 'code'),
      name: text(row, 'name'),
      isPrimary: row['is_primary'] === true,
      sessions: count(row, 'sessions'),
      completeSessions: count(row, 'complete_sessions'),
      participants: count(row, 'participants'),
    }));
  }
}
