import type { MetaMethod } from '@attune/analysis';
import { Injectable } from '@nestjs/common';
import { OriginalEffectsRepository } from '../analysis/original-effects.repository';
import type { ReplicationComparison } from '../analysis/replication';
import { ResultsService } from '../analysis/results.service';
import { AuditRepository, userActor } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { designHashOf } from '../studies/protocol-file';
import { StudyError } from '../studies/studies.errors';
import { StudiesRepository } from '../studies/studies.repository';
import { StudyAccess, type StudyAccessGrant } from '../studies/study-access';
import { SitesRepository } from '../sites/sites.repository';
import type { Study } from '../studies/study.entity';
import type { ExternalSiteSummary } from './external-summary.entity';
import { ExternalSummariesRepository } from './external-summaries.repository';
import { chooseOutcome, effectOf, type OutcomeRequest, type PoolingOutcome } from './pooling-outcome';
import { PoolingError } from './pooling.errors';
import { comparePooled } from './pooled-comparison';
import { type PooledEstimate, type PoolingUnit, poolUnits } from './pooled';
import { type SignedSiteSummary, siteSummary, summaryHash } from './site-summary';

export interface PooledView extends PooledEstimate {
  readonly outcome: PoolingOutcome;
  readonly method: MetaMethod;
  /** The pooled estimate against the original effect, when one is recorded for this outcome and there is a pool. */
  readonly comparison: ReplicationComparison | null;
}

const AS_RANDOMISED = { protocolVersions: null, includeIncomplete: true, perProtocol: false, minMembers: 1 } as const;

/** Many-labs pooling: site summaries out and in, and the random-effects estimate over all sites. */
@Injectable()
export class PoolingService {
  constructor(
    private readonly access: StudyAccess,
    private readonly studies: StudiesRepository,
    private readonly results: ResultsService,
    private readonly originals: OriginalEffectsRepository,
    private readonly summaries: ExternalSummariesRepository,
    private readonly sites: SitesRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** This installation's aggregates for the coordinating study: no participant rows. */
  async exportSummary(principal: Principal, studyId: string, site: SignedSiteSummary['site']): Promise<SignedSiteSummary> {
    const { study } = await this.access.require(principal, studyId, 'owner');
    const designHash = await this.currentDesignHash(study);
    const { scales } = await this.results.results(principal, studyId, AS_RANDOMISED);
    const summary = siteSummary({ scales, site, designHash, protocolVersion: study.protocolVersion ?? 1, exportedAt: new Date() });
    await this.audit.study('study.site_summary_exported', {
      studyId,
      by: userActor(principal.userId),
      data: { designHash, scales: scales.length },
    });
    return summary;
  }

  async importSummary(
    principal: Principal,
    studyId: string,
    file: SignedSiteSummary,
    label: string | undefined,
  ): Promise<ExternalSiteSummary> {
    const { study } = await this.access.require(principal, studyId, 'owner');
    if (summaryHash(file) !== file.sha256.toLowerCase()) {
      throw new PoolingError('INVALID_SITE_SUMMARY', {
        errors: [
          {
            path: 'file.sha256',
            code: 'HASH_MISMATCH',
            message: 'the summary does not have this SHA-256: the file was changed or damaged',
          },
        ],
      });
    }
    const ours = await this.designHashes(study);
    if (!ours.includes(file.designHash)) {
      throw new PoolingError('PROTOCOL_MISMATCH', {
        detail: `The summary's protocol (design hash ${file.designHash.slice(0, 12)}…) is not this study's (${ours.map((hash) => `${hash.slice(0, 12)}…`).join(', ')}): pooling it would mix different experiments. Ask the site to export the summary of the study it imported from this study's protocol file.`,
      });
    }
    const saved = await this.summaries.insert({
      studyId,
      label: label ?? file.site.label,
      designHash: file.designHash,
      summary: file,
      importedBy: principal.userId,
    });
    if (!saved) throw new PoolingError('LABEL_TAKEN', { detail: 'give this site another label, or remove the earlier summary first' });
    await this.audit.study('study.site_summary_imported', {
      studyId,
      by: userActor(principal.userId),
      subject: ['site_summary', saved.id],
      data: { label: saved.label, designHash: file.designHash },
    });
    return saved;
  }

  async listSummaries(principal: Principal, studyId: string): Promise<ExternalSiteSummary[]> {
    await this.access.require(principal, studyId, 'analyst');
    return this.summaries.list(studyId);
  }

  async removeSummary(principal: Principal, studyId: string, summaryId: string): Promise<void> {
    await this.access.require(principal, studyId, 'owner');
    if (!(await this.summaries.remove(studyId, summaryId))) throw new PoolingError('SUMMARY_NOT_FOUND');
    await this.audit.study('study.site_summary_removed', {
      studyId,
      by: userActor(principal.userId),
      subject: ['site_summary', summaryId],
    });
  }

  /** Hedges' g per site (this study's, then the imported summaries') and their random-effects pool. */
  async pooled(principal: Principal, studyId: string, request: OutcomeRequest, method: MetaMethod): Promise<PooledView> {
    const grant = await this.access.require(principal, studyId, 'analyst');
    const own = await this.results.results(principal, studyId, AS_RANDOMISED);
    const original = await this.originals.find(studyId);
    const chosen = chooseOutcome(request, original, grant.study.design, own.scales);
    if (!chosen)
      throw new PoolingError('UNKNOWN_OUTCOME', {
        detail: 'name a two-level factor and a scale and phase with data (factorId, scale, phase)',
      });
    const units = [...(await this.siteUnits(principal, grant, chosen)), ...externalUnits(await this.summaries.list(studyId), chosen)];
    const estimate = poolUnits(units, method);
    const sameOutcome = original !== null && sameAs(original, chosen);
    const comparison =
      sameOutcome && estimate.pooled ? comparePooled(original.statistic, original.verifiedBy !== null, estimate.pooled) : null;
    return { outcome: chosen, method, ...estimate, comparison };
  }

  /**
   * One unit per site of this study with sessions (a site-limited researcher sees only theirs),
   * each with the g its own results report. A study with one site is one unit, named by the study.
   */
  private async siteUnits(principal: Principal, grant: StudyAccessGrant, outcome: PoolingOutcome): Promise<PoolingUnit[]> {
    const sites = (await this.sites.listWithSessionCounts(grant.study.id)).filter(
      (row) => row.sessions > 0 && (grant.siteId === null || row.site.id === grant.siteId),
    );
    const units = await Promise.all(
      sites.map(async ({ site }) => {
        const { scales } = await this.results.results(principal, grant.study.id, { ...AS_RANDOMISED, site: site.code });
        const effect = effectOf(scales, outcome, (scale) => scale.effects.find((e) => e.factorId === outcome.factorId)?.hedges ?? null);
        const label = sites.length === 1 ? grant.study.title : site.name;
        return effect ? [{ label, kind: 'site' as const, g: effect.g, n1: effect.n1, n2: effect.n2 }] : [];
      }),
    );
    return units.flat();
  }

  private async currentDesignHash(study: Study): Promise<string> {
    if (study.protocolVersion === null) throw new StudyError('NOT_LAUNCHED');
    const protocol = await this.studies.findProtocol(study.id, study.protocolVersion);
    if (!protocol) throw new StudyError('PROTOCOL_NOT_FOUND');
    return designHashOf(protocol.canonicalJson);
  }

  /** Every version's design hash: a site may have sent its summary before an amendment here. */
  private async designHashes(study: Study): Promise<string[]> {
    if (study.protocolVersion === null) throw new StudyError('NOT_LAUNCHED');
    return (await this.studies.listProtocols(study.id)).map((protocol) => designHashOf(protocol.canonicalJson));
  }
}

function sameAs(a: PoolingOutcome, b: PoolingOutcome): boolean {
  return (
    a.factorId === b.factorId &&
    a.instrumentId === b.instrumentId &&
    a.instrumentVersion === b.instrumentVersion &&
    a.scale === b.scale &&
    a.phase === b.phase
  );
}

function externalUnits(rows: readonly ExternalSiteSummary[], outcome: PoolingOutcome): PoolingUnit[] {
  return rows.flatMap((row) => {
    const effect = effectOf(row.summary.scales, outcome, (scale) => scale.effects.find((e) => e.factorId === outcome.factorId) ?? null);
    return effect ? [{ label: row.label, kind: 'external' as const, g: effect.g, n1: effect.n1, n2: effect.n2 }] : [];
  });
}
