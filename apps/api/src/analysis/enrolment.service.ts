import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { decodePairs } from '../randomisation/design';
import { StudyAccess } from '../studies/study-access';
import { type ConditionRef, listConditions } from './flow.conditions';
import { groupBy } from './flow.rows';
import { EnrolmentRepository, type StratumEnrolment } from './enrolment.repository';

export interface EnrolmentCounts {
  readonly sessions: number;
  readonly completeSessions: number;
  readonly participants: number;
}

export interface StratumRow extends EnrolmentCounts {
  readonly stratum: string;
  /** The stratum key decoded: covariate → level, for labels. */
  readonly covariates: ReadonlyArray<{ readonly covariateId: string; readonly levelId: string }>;
}

export interface ConditionEnrolment extends ConditionRef, EnrolmentCounts {
  /** Target sessions for this condition, over all strata together. */
  readonly target: number;
  readonly strata: readonly StratumRow[];
}

export interface EnrolmentReport {
  readonly studyId: string;
  readonly targetSessionsPerCondition: number;
  readonly conditions: readonly ConditionEnrolment[];
  readonly totals: EnrolmentCounts & { readonly target: number };
}

function sum(rows: readonly EnrolmentCounts[]): EnrolmentCounts {
  return rows.reduce((acc, row) => ({ sessions: acc.sessions + row.sessions, completeSessions: acc.completeSessions + row.completeSessions, participants: acc.participants + row.participants }),
    { sessions: 0, completeSessions: 0, participants: 0 });
}

function stratumRow({ stratum, sessions, completeSessions, participants }: StratumEnrolment): StratumRow {
  return { stratum, covariates: decodePairs(stratum).map(([covariateId, levelId]) => ({ covariateId, levelId })), sessions, completeSessions, participants };
}

/** Enrolment against target: allocated sessions per condition × stratum, every designed condition listed. */
@Injectable()
export class EnrolmentService {
  constructor(private readonly access: StudyAccess, private readonly repository: EnrolmentRepository) {}

  async enrolment(principal: Principal, studyId: string): Promise<EnrolmentReport> {
    const { study } = await this.access.require(principal, studyId, 'analyst');
    const perTarget = study.design.targetSessionsPerCondition;
    const byCondition = groupBy(await this.repository.byConditionAndStratum(studyId), (row) => row.conditionId);
    const conditions = listConditions(study.design.factors, byCondition.keys()).map((ref): ConditionEnrolment => {
      const strata = (byCondition.get(ref.conditionId) ?? []).map(stratumRow);
      return { ...ref, target: ref.inDesign ? perTarget : 0, ...sum(strata), strata };
    });
    const target = conditions.reduce((total, condition) => total + condition.target, 0);
    return { studyId, targetSessionsPerCondition: perTarget, conditions, totals: { ...sum(conditions), target } };
  }
}
