import { getInstrument } from '@attune/survey';
import { Injectable } from '@nestjs/common';
import { AuditRepository, userActor } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { StudyError } from '../studies/studies.errors';
import { StudyAccess } from '../studies/study-access';
import type { Study } from '../studies/study.entity';
import type { OriginalEffect, OriginalStatistic } from './original-effect.entity';
import { OriginalEffectsRepository } from './original-effects.repository';
import { type ReplicationComparison, compareWithOriginal } from './replication';
import { ResultsRepository } from './results.repository';
import { type FactorEffect, scaleResult } from './scale-results';
import { factorSpecs } from './results.service';
import { conditionsOf } from '../randomisation/design';
import { SitesService } from '../sites/sites.service';

export interface OriginalEffectInput {
  readonly factorId: string;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly scale: string;
  readonly phase: 'pre' | 'post' | 'change';
  readonly citation: string;
  readonly doi: string | null;
  readonly locator: string;
  readonly statistic: OriginalStatistic;
  readonly verifiedBy: string | null;
  readonly verifiedOn: string | null;
}

export interface ReplicationView {
  readonly original: OriginalEffect | null;
  /** Plain words when there is nothing to compare with. */
  readonly message: string | null;
  /** The replication's Hedges' g for the original's factor and outcome (all allocated sessions, as randomised). */
  readonly replication: FactorEffect | null;
  readonly comparison: ReplicationComparison | null;
  /** Factors with no original study at all (e.g. seating), to be labelled exploratory. */
  readonly exploratoryFactors: readonly string[];
}

const AS_RANDOMISED = { protocolVersions: null, includeIncomplete: true, perProtocol: false, minMembers: 1 } as const;

/** The original effect a replication is compared with, and the comparison itself. */
@Injectable()
export class ReplicationService {
  constructor(
    private readonly access: StudyAccess,
    private readonly originals: OriginalEffectsRepository,
    private readonly results: ResultsRepository,
    private readonly audit: AuditRepository,
    private readonly sites: SitesService,
  ) {}

  async record(principal: Principal, studyId: string, input: OriginalEffectInput): Promise<OriginalEffect> {
    const { study } = await this.access.require(principal, studyId, 'owner');
    const factor = study.design.factors.find((candidate) => candidate.id === input.factorId);
    if (!factor || factor.levels.length !== 2)
      throw new StudyError('INVALID_DESIGN', {
        detail: 'the original effect must name a two-level factor of this study',
        errors: [{ path: 'factorId', code: 'NOT_A_TWO_LEVEL_FACTOR', message: 'must be a two-level factor of the study' }],
      });
    if (!getInstrument(input.instrumentId, input.instrumentVersion)?.scales.some((scale) => scale.id === input.scale)) {
      throw new StudyError('INVALID_DESIGN', {
        detail: 'no such scale',
        errors: [
          {
            path: 'scale',
            code: 'UNKNOWN_SCALE',
            message: `${input.instrumentId} v${input.instrumentVersion} has no scale "${input.scale}"`,
          },
        ],
      });
    }
    return this.originals.transaction(async (manager) => {
      const saved = await this.originals.save({ ...input, studyId, recordedBy: principal.userId }, manager);
      await this.audit.study('study.original_effect_recorded', { studyId, by: userActor(principal.userId), data: { ...input } }, manager);
      return saved;
    });
  }

  async replication(principal: Principal, studyId: string): Promise<ReplicationView> {
    const grant = await this.access.require(principal, studyId, 'analyst');
    const { study } = grant;
    // A site-limited researcher compares their own site's sessions only.
    const site = await this.sites.readScope(grant, undefined);
    const exploratoryFactors = study.design.factors.filter((factor) => factor.exploratory === true).map((factor) => factor.id);
    const original = await this.originals.find(studyId);
    if (!original)
      return {
        original: null,
        message: 'No original effect is recorded for this study, so there is nothing to compare with.',
        replication: null,
        comparison: null,
        exploratoryFactors,
      };
    const replication = await this.replicatedEffect(study, original, site?.code ?? null);
    const verified = original.verifiedBy !== null;
    return {
      original,
      replication,
      exploratoryFactors,
      comparison: compareWithOriginal(original.statistic, verified, replication?.hedges ?? null),
      message: verified
        ? null
        : 'The original effect is recorded but nobody has verified it against the paper yet, so no replication label is given.',
    };
  }

  /** The same factor's effect on the same scale here, analysed as randomised; null before any data. */
  private async replicatedEffect(study: Study, original: OriginalEffect, siteCode: string | null): Promise<FactorEffect | null> {
    const rows = (await this.results.scoreGroups(study.id, { ...AS_RANDOMISED, site: siteCode })).filter(
      (row) =>
        row.instrumentId === original.instrumentId &&
        row.instrumentVersion === original.instrumentVersion &&
        row.scale === original.scale &&
        row.phase === original.phase,
    );
    if (rows.length === 0) return null;
    const conditions = conditionsOf(study.design.factors).map((c) => c.id);
    const { effects } = scaleResult(rows, false, factorSpecs(study.design), conditions);
    return effects.find((effect) => effect.factorId === original.factorId) ?? null;
  }
}
