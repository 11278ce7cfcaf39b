import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { SitesService } from '../sites/sites.service';
import { StudyAccess } from '../studies/study-access';
import { type ConditionRef, listConditions } from './flow.conditions';
import { type ConditionCounts, type FlowFilter, FlowRepository, type PeopleCounts, type SessionReasonCount } from './flow.repository';
import { groupBy } from './flow.rows';

export type FlowCounts = Omit<ConditionCounts, 'conditionId'>;

export interface ReasonTally {
  readonly reason: string;
  readonly sessions: number;
  readonly participants: number;
}

export interface ConditionFlow extends ConditionRef {
  readonly counts: FlowCounts;
  readonly dropoutReasons: readonly ReasonTally[];
  readonly exclusionReasons: readonly ReasonTally[];
}

export interface FlowReport {
  readonly studyId: string;
  readonly filter: FlowFilter;
  readonly people: PeopleCounts;
  readonly conditions: readonly ConditionFlow[];
  readonly totals: FlowCounts;
}

const COUNT_KEYS = [
  'sessions',
  'participants',
  'reachedPreSurvey',
  'reachedConversation',
  'reachedPostSurvey',
  'completed',
  'leftAfterAllocation',
  'rejoinedElsewhere',
  'failedCheck',
  'excludedWithSession',
  'excludedFailedCheck',
  'withdrew',
  'withoutPostData',
  'analysed',
] as const satisfies readonly (keyof FlowCounts)[];

function zeroCounts(): FlowCounts {
  return Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as Record<(typeof COUNT_KEYS)[number], number>;
}

function sumCounts(all: readonly FlowCounts[]): FlowCounts {
  return Object.fromEntries(COUNT_KEYS.map((key) => [key, all.reduce((sum, counts) => sum + counts[key], 0)])) as Record<
    (typeof COUNT_KEYS)[number],
    number
  >;
}

function tallies(reasons: readonly SessionReasonCount[] | undefined, kind: SessionReasonCount['kind']): ReasonTally[] {
  return (reasons ?? [])
    .filter((row) => row.kind === kind)
    .map(({ reason, sessions, participants }) => ({ reason, sessions, participants }));
}

/** The CONSORT participant flow of a study: who joined, was allocated, reached each step, dropped out, was analysed. */
@Injectable()
export class FlowService {
  constructor(
    private readonly access: StudyAccess,
    private readonly repository: FlowRepository,
    private readonly sites: SitesService,
  ) {}

  /** `filter.site` limits the flow to one site; a site-limited researcher always gets their own. */
  async flow(principal: Principal, studyId: string, asked: FlowFilter): Promise<FlowReport> {
    const grant = await this.access.require(principal, studyId, 'analyst');
    const { study } = grant;
    const site = await this.sites.readScope(grant, asked.site ?? undefined);
    const filter: FlowFilter = { ...asked, site: site?.code ?? null };
    const [people, counted, reasons] = await Promise.all([
      this.repository.people(studyId, filter),
      this.repository.conditions(studyId, filter),
      this.repository.sessionReasons(studyId, filter),
    ]);
    const byCondition = new Map(counted.map(({ conditionId, ...counts }) => [conditionId, counts]));
    const reasonsByCondition = groupBy(reasons, (row) => row.conditionId);
    const conditions = listConditions(study.design.factors, [...byCondition.keys(), ...reasonsByCondition.keys()]).map((ref) => ({
      ...ref,
      counts: byCondition.get(ref.conditionId) ?? zeroCounts(),
      dropoutReasons: tallies(reasonsByCondition.get(ref.conditionId), 'dropout'),
      exclusionReasons: tallies(reasonsByCondition.get(ref.conditionId), 'excluded'),
    }));
    return { studyId, filter, people, conditions, totals: sumCounts(conditions.map((condition) => condition.counts)) };
  }
}
