import { canonicalJson } from '@attune/survey';
import { createHash } from 'node:crypto';
import type { LabelledScaleResult } from '../analysis/results.service';
import type { ResultPhase } from '../analysis/results.repository';

export const SITE_SUMMARY_FORMAT = 'attune.site-summary.v1';

export interface SummaryCell {
  readonly conditionId: string;
  readonly sessions: number;
  readonly participants: number;
  readonly mean: number | null;
  readonly sd: number | null;
}

/** A two-level factor's Hedges' g on session scores, with the sampling variance a meta-analysis weighs it by. */
export interface SummaryEffect {
  readonly factorId: string;
  readonly levels: readonly [string, string];
  readonly g: number;
  readonly variance: number;
  readonly n1: number;
  readonly n2: number;
}

export interface SummaryScale {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly scale: string;
  readonly phase: ResultPhase;
  readonly cells: readonly SummaryCell[];
  readonly effects: readonly SummaryEffect[];
  readonly icc: number | null;
}

/**
 * What one site shares with the coordinating study: aggregates only (per cell n, mean and SD; per
 * factor g and its variance; the ICC), never a participant row, with the protocol's design hash so
 * the coordinator pools only sites that ran the same protocol.
 */
export interface SiteSummary {
  readonly format: typeof SITE_SUMMARY_FORMAT;
  readonly exportedAt: string;
  readonly site: { readonly label: string; readonly country: string | null };
  readonly designHash: string;
  readonly protocolVersion: number;
  /** How sessions were included: every allocated session with the data it has. */
  readonly analysis: 'as_randomised';
  readonly scales: readonly SummaryScale[];
}

export interface SignedSiteSummary extends SiteSummary {
  /** SHA-256 of the canonical JSON of everything else: a damaged or edited file is refused. */
  readonly sha256: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function summaryHash(summary: SiteSummary): string {
  const { format, exportedAt, site, designHash, protocolVersion, analysis, scales } = summary;
  return sha256(canonicalJson({ format, exportedAt, site, designHash, protocolVersion, analysis, scales }));
}

function summaryScale(result: LabelledScaleResult): SummaryScale {
  return {
    instrumentId: result.instrumentId,
    instrumentVersion: result.instrumentVersion,
    scale: result.scale,
    phase: result.phase,
    cells: result.cells.map((cell) => ({
      conditionId: cell.conditionId,
      sessions: cell.sessions,
      participants: cell.participants,
      mean: cell.mean,
      sd: cell.sd,
    })),
    effects: result.effects.flatMap((effect) =>
      effect.hedges
        ? [
            {
              factorId: effect.factorId,
              levels: effect.levels,
              g: effect.hedges.g,
              variance: effect.hedges.variance,
              n1: effect.hedges.n1,
              n2: effect.hedges.n2,
            },
          ]
        : [],
    ),
    icc: result.icc?.icc ?? null,
  };
}

export function siteSummary(input: {
  scales: readonly LabelledScaleResult[];
  site: SiteSummary['site'];
  designHash: string;
  protocolVersion: number;
  exportedAt: Date;
}): SignedSiteSummary {
  const summary: SiteSummary = {
    format: SITE_SUMMARY_FORMAT,
    exportedAt: input.exportedAt.toISOString(),
    site: input.site,
    designHash: input.designHash,
    protocolVersion: input.protocolVersion,
    analysis: 'as_randomised',
    scales: input.scales.map(summaryScale),
  };
  return { ...summary, sha256: summaryHash(summary) };
}
