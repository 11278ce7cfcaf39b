import { metaStudyFromHedgesG, type MetaMethod, randomEffectsMeta, type RandomEffectsMeta } from '@attune/analysis';

// Φ⁻¹(0.975): per-unit intervals as metafor's forest() draws them, yi ± z·√vi.
const Z_975 = 1.959963984540054;

/** One row of the forest plot: a site of this study, or a site that sent only its summary. */
export interface PoolingUnit {
  readonly label: string;
  readonly kind: 'site' | 'external';
  readonly g: number;
  readonly n1: number;
  readonly n2: number;
}

export interface PooledRow extends PoolingUnit {
  /** Sampling variance vi = 1/n1 + 1/n2 + g²/(2(n1 + n2)) (metafor escalc "SMD"). */
  readonly variance: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Percent weight in the random-effects model; null when nothing was pooled. */
  readonly weight: number | null;
}

export interface PooledEstimate {
  readonly rows: readonly PooledRow[];
  /** null with fewer than two units: one site is not a meta-analysis. */
  readonly pooled: Omit<RandomEffectsMeta, 'studies'> | null;
}

/** Per-unit g with its variance and normal CI, and the random-effects pool of them (libs/analysis, checked against metafor). */
export function poolUnits(units: readonly PoolingUnit[], method: MetaMethod): PooledEstimate {
  const studies = units.map((unit) => metaStudyFromHedgesG(unit, unit.label));
  const meta = randomEffectsMeta(studies, { method });
  const rows = units.map((unit, i) => {
    const variance = (studies[i] as { vi: number }).vi;
    const half = Z_975 * Math.sqrt(variance);
    return { ...unit, variance, ciLow: unit.g - half, ciHigh: unit.g + half, weight: meta?.studies[i]?.weight ?? null };
  });
  if (!meta) return { rows, pooled: null };
  const { studies: _weights, ...pooled } = meta;
  return { rows, pooled };
}
