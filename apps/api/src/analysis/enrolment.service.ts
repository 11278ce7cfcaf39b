import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { decodePairs } from '../randomisation/design';
import { SitesService } from '../sites/sites.service';
import { StudyAccess } from '../studies/study-access';
import { type ConditionRef, listConditions } from './flow.conditions';
import { groupBy } from './flow.rows';
import { EnrolmentRepository, type SiteEnrolment, type StratumEnrolment } from './enrolment.repository';

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
  /** The site the report is limited to (its code); null: every site, pooled. */
  readonly site: string | null;
  /** Allocated sessions and participants per site (only the one site when limited). */
  readonly sites: readonly SiteEnrolment[];
  readonly targetSessionsPerCondition: number;
  readonly conditions: readonly ConditionEnrolment[];
  readonly totals: EnrolmentCounts & { readonly target: number };
}

function sum(rows: readonly EnrolmentCounts[]): EnrolmentCounts {
  return rows.reduce(
    (acc, row) => ({
      sessions: acc.sessions + row.sessions,
      completeSessions: acc.completeSessions + row.completeSessions,
      participants: acc.participants + row.participants,
    }),
    { sessions: 0, completeSessions: 0, participants: 0 },
  );
}

function stratumRow({ stratum, sessions, completeSessions, participants }: StratumEnrolment): StratumRow {
  return {
    stratum,
    covariates: decodePairs(stratum).map(([covariateId, levelId]) => ({ covariateId, levelId })),
    sessions,
    completeSessions,
    participants,
  };
}

/** Enrolment against target: allocated sessions per condition × stratum, every designed condition listed. */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly access: StudyAccess,
    private readonly repository: EnrolmentRepository,
    private readonly sites: SitesService,
  ) {}

  /** `siteCode` limits the report to one site; a site-limited researcher always gets their own. */
  async enrolment(principal: Principal, studyId: string, siteCode?: string): Promise<EnrolmentReport> {
    const grant = await this.access.require(principal, studyId, 'analyst');
    const { study } = grant;
    const site = (await this.sites.readScope(grant, siteCode))?.code ?? null;
    const perTarget = study.design.targetSessionsPerCondition;
    const [rows, sites] = await Promise.all([this.repository.byConditionAndStratum(studyId, site), this.repository.bySite(studyId, site)]);
    const byCondition = groupBy(rows, (row) => row.conditionId);
    const conditions = listConditions(study.design.factors, byCondition.keys()).map((ref): ConditionEnrolment => {
      const strata = (byCondition.get(ref.conditionId) ?? []).map(stratumRow);
      return { ...ref, target: ref.inDesign ? perTarget : 0, ...sum(strata), strata };
    });
    const target = conditions.reduce((total, condition) => total + condition.target, 0);
    return { studyId, site, sites, targetSessionsPerCondition: perTarget, conditions, totals: { ...sum(conditions), target } };
  }
}
