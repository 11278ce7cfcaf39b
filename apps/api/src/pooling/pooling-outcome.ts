import type { ResultPhase } from '../analysis/results.repository';
import type { LabelledScaleResult } from '../analysis/results.service';
import type { StudyDesign } from '../studies/study-design';

/** Which effect is pooled: a two-level factor on one scale and phase. */
export interface PoolingOutcome {
  readonly factorId: string;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly scale: string;
  readonly phase: ResultPhase;
}

export type OutcomeRequest = Partial<PoolingOutcome>;

/**
 * The outcome asked for, completed from the original effect (what the replication is about) or,
 * without one, the first two-level factor and the first post-conversation scale with data.
 */
export function chooseOutcome(
  request: OutcomeRequest,
  original: PoolingOutcome | null,
  design: StudyDesign,
  scales: readonly LabelledScaleResult[],
): PoolingOutcome | null {
  const base = original ?? defaultOutcome(design, scales);
  if (!base && (request.factorId === undefined || request.scale === undefined || request.phase === undefined)) return null;
  const asked = Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));
  const merged = { ...base, ...asked } as PoolingOutcome;
  const factor = design.factors.find((candidate) => candidate.id === merged.factorId);
  if (!factor || factor.levels.length !== 2) return null;
  const scale = scales.find(
    (s) =>
      s.scale === merged.scale &&
      s.phase === merged.phase &&
      (merged.instrumentId === undefined || s.instrumentId === merged.instrumentId) &&
      (merged.instrumentVersion === undefined || s.instrumentVersion === merged.instrumentVersion),
  );
  return scale ? { ...merged, instrumentId: scale.instrumentId, instrumentVersion: scale.instrumentVersion } : null;
}

function defaultOutcome(design: StudyDesign, scales: readonly LabelledScaleResult[]): PoolingOutcome | null {
  const factor =
    design.factors.find((candidate) => candidate.levels.length === 2 && candidate.exploratory !== true) ??
    design.factors.find((candidate) => candidate.levels.length === 2);
  const scale = scales.find((s) => s.phase === 'post');
  if (!factor || !scale) return null;
  return {
    factorId: factor.id,
    instrumentId: scale.instrumentId,
    instrumentVersion: scale.instrumentVersion,
    scale: scale.scale,
    phase: 'post',
  };
}

/** The outcome's g in a list of scales (a site's results, or a summary's scales). */
export function effectOf<S extends { instrumentId: string; instrumentVersion: number; scale: string; phase: string }>(
  scales: readonly S[],
  outcome: PoolingOutcome,
  pick: (scale: S) => { g: number; n1: number; n2: number } | null,
): { g: number; n1: number; n2: number } | null {
  const scale = scales.find(
    (s) =>
      s.instrumentId === outcome.instrumentId &&
      s.instrumentVersion === outcome.instrumentVersion &&
      s.scale === outcome.scale &&
      s.phase === outcome.phase,
  );
  return scale ? pick(scale) : null;
}
