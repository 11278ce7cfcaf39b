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
   WHERE s.study_id = $1 AND s.condition_id IS NOT NULL
   GROUP BY s.condition_id, coalesce(s.stratum, '')
   ORDER BY 1, 2`;

function toStratum(row: RawRow): StratumEnrolment {
  return {
    conditionId: text(row, 'condition_id'), stratum: text(row, 'stratum'),
    sessions: count(row, 'sessions'), completeSessions: count(row, 'complete_sessions'), participants: count(row, 'participants'),
  };
}

@Injectable()
export class EnrolmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byConditionAndStratum(studyId: string): Promise<StratumEnrolment[]> {
    return rowsOf(await this.dataSource.query(ENROLMENT, [studyId])).map(toStratum);
  }
}
