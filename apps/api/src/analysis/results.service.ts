import type { FactorSpec } from '@attune/analysis';
import { getInstrument } from '@attune/survey';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { conditionsOf } from '../randomisation/design';
import type { StudyDesign } from '../studies/study-design';
import { SitesService } from '../sites/sites.service';
import { StudyAccess } from '../studies/study-access';
import { type CheckTally, type ResultsFilter, ResultsRepository, type ScoreGroupRow } from './results.repository';
import { byScale, scaleResult, type ScaleResult, scaleKey } from './scale-results';

export interface CheckRate {
  readonly conditionId: string;
  readonly passed: number;
  readonly failed: number;
  readonly unscored: number;
  /** passed / (passed + failed); null when nobody answered. */
  readonly passRate: number | null;
}

export interface CheckSummary {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly itemId: string;
  readonly kind: 'manipulation' | 'attention';
  readonly perCondition: readonly CheckRate[];
}

export interface LabelledScaleResult extends ScaleResult {
  /** The scale's label in the study's first language, from the instrument. */
  readonly label: string;
}

export interface StudyResults {
  /** The options as applied: `site` is the site the results are limited to, null when pooled. */
  readonly filter: ResultsFilter & { readonly site: string | null };
  readonly factors: readonly FactorSpec[];
  readonly conditions: readonly string[];
  readonly scales: readonly LabelledScaleResult[];
  readonly checks: readonly CheckSummary[];
}

export function factorSpecs(design: StudyDesign): FactorSpec[] {
  return design.factors.map((factor) => ({ id: factor.id, levels: factor.levels.map((level) => level.id) }));
}

function scaleLabel(instrumentId: string, version: number, scale: string, language: string): string {
  const found = getInstrument(instrumentId, version)?.scales.find((candidate) => candidate.id === scale);
  return found ? (found.label[language] ?? found.label['en'] ?? scale) : scale;
}

function checkKind(instrumentId: string, version: number, itemId: string): 'manipulation' | 'attention' | null {
  const item = getInstrument(instrumentId, version)?.items.find((candidate) => candidate.id === itemId);
  if (item?.kind === 'manipulation-check') return 'manipulation';
  return item?.kind === 'attention-check' ? 'attention' : null;
}

function checkSummaries(tallies: readonly CheckTally[], conditions: readonly string[]): CheckSummary[] {
  const byItem = new Map<string, CheckTally[]>();
  for (const tally of tallies) {
    const key = `${tally.instrumentId}@${tally.instrumentVersion}/${tally.itemId}`;
    byItem.set(key, [...(byItem.get(key) ?? []), tally]);
  }
  return [...byItem.values()].flatMap((items) => {
    const first = items[0];
    const kind = first ? checkKind(first.instrumentId, first.instrumentVersion, first.itemId) : null;
    if (!first || !kind) return [];
    const perCondition = conditions.map((conditionId): CheckRate => {
      const tally = items.find((candidate) => candidate.conditionId === conditionId);
      const passed = tally?.passed ?? 0;
      const failed = tally?.failed ?? 0;
      return {
        conditionId,
        passed,
        failed,
        unscored: tally?.unscored ?? 0,
        passRate: passed + failed === 0 ? null : passed / (passed + failed),
      };
    });
    return [{ instrumentId: first.instrumentId, instrumentVersion: first.instrumentVersion, itemId: first.itemId, kind, perCondition }];
  });
}

/**
 * The study's results on session-level scores, per scale and phase (pre, post, change), with the
 * options it was computed under. Analysts and above may read them.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly access: StudyAccess,
    private readonly repository: ResultsRepository,
    private readonly sites: SitesService,
  ) {}

  /**
   * `filter.site` (a site code) limits the results to one site's sessions; left out, every site is
   * pooled. A site-limited researcher always gets their own site's (another site's code is 404).
   */
  async results(principal: Principal, studyId: string, asked: ResultsFilter): Promise<StudyResults> {
    const grant = await this.access.require(principal, studyId, 'analyst');
    const { study } = grant;
    const site = await this.sites.readScope(grant, asked.site ?? undefined);
    const filter = { ...asked, site: site?.code ?? null };
    const design = study.design;
    const factors = factorSpecs(design);
    const conditions = conditionsOf(design.factors).map((condition) => condition.id);
    const [rows, tallies] = await Promise.all([
      this.repository.scoreGroups(studyId, filter),
      this.repository.checkTallies(studyId, filter),
    ]);
    return {
      filter,
      factors,
      conditions,
      scales: this.scales(rows, factors, conditions, design.languages[0] ?? 'en'),
      checks: checkSummaries(tallies, conditions),
    };
  }

  private scales(
    rows: readonly ScoreGroupRow[],
    factors: readonly FactorSpec[],
    conditions: readonly string[],
    language: string,
  ): LabelledScaleResult[] {
    const groups = byScale(rows);
    const order = { pre: 0, post: 1, change: 2 } as const;
    const sorted = [...groups.values()].sort((a, b) => {
      const [x, y] = [a[0] as ScoreGroupRow, b[0] as ScoreGroupRow];
      return (
        x.instrumentId.localeCompare(y.instrumentId) ||
        x.instrumentVersion - y.instrumentVersion ||
        x.scale.localeCompare(y.scale) ||
        order[x.phase] - order[y.phase]
      );
    });
    return sorted.map((group) => {
      const first = group[0] as ScoreGroupRow;
      const hasPre = groups.has(scaleKey(first.instrumentId, first.instrumentVersion, first.scale, 'pre'));
      return {
        ...scaleResult(group, hasPre, factors, conditions),
        label: scaleLabel(first.instrumentId, first.instrumentVersion, first.scale, language),
      };
    });
  }
}
