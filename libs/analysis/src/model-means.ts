// Estimated cell and marginal means, and simple effects, from the fitted model: linear
// combinations L'b with SE √(MSE · L'(X'X)⁻¹L) and t(.975, df_resid) intervals. Marginal means
// weight cells equally (as emmeans does), not by their number of sessions.
import { allCells, designRow } from './design-matrix';
import { qt, twoSidedP } from './distributions';
import type { FittedModel } from './factorial-model';
import { quadraticForm } from './linear-algebra';

export interface ModelEstimate {
  estimate: number;
  se: number;
  df: number;
  ciLow: number;
  ciHigh: number;
}
export interface CellMean extends ModelEstimate {
  levels: Record<string, string>;
  n: number;
}
export interface MarginalMean extends ModelEstimate {
  factor: string;
  level: string;
  n: number;
}
export interface SimpleEffect extends ModelEstimate {
  /** The two-level factor whose effect is estimated: mean(first level) − mean(second level). */
  factor: string;
  contrast: [string, string];
  /** The level of the other factor it is estimated at. */
  at: { factor: string; level: string };
  t: number;
  p: number;
}

/** `counts` holds the sessions per cell, in allCells order. */
export function modelMeans(
  model: FittedModel,
  counts: readonly number[],
): { cells: CellMean[]; marginal: MarginalMean[]; simpleEffects: SimpleEffect[] | null } {
  const cells = allCells(model.factors);
  const rows = cells.map((cell) => designRow(model.factors, model.terms, cell));
  const count = (match: (cell: readonly number[]) => boolean): number =>
    cells.reduce((sum, cell, c) => sum + (match(cell) ? (counts[c] ?? 0) : 0), 0);
  return {
    cells: cells.map((cell, c) => ({
      levels: Object.fromEntries(cell.map((level, f) => [model.factors[f]?.id ?? '', model.factors[f]?.levels[level] ?? ''])),
      n: counts[c] ?? 0,
      ...estimate(model, rows[c] ?? []),
    })),
    marginal: model.factors.flatMap((factor, f) =>
      factor.levels.map((level, l) => ({
        factor: factor.id,
        level,
        n: count((o) => o[f] === l),
        ...estimate(model, average(rows.filter((_, c) => cells[c]?.[f] === l))),
      })),
    ),
    simpleEffects: simpleEffects(model, cells, rows),
  };
}

function simpleEffects(model: FittedModel, cells: readonly number[][], rows: readonly number[][]): SimpleEffect[] | null {
  const { factors } = model;
  if (factors.length !== 2 || factors.some((factor) => factor.levels.length !== 2)) return null;
  const row = (f: number, level: number, g: number, at: number): number[] =>
    rows[cells.findIndex((cell) => cell[f] === level && cell[g] === at)] ?? [];
  return [0, 1].flatMap((f) => {
    const g = 1 - f;
    const factor = factors[f];
    const other = factors[g];
    if (!factor || !other) return [];
    return other.levels.map((level, at) => {
      const first = row(f, 0, g, at);
      const contrast = estimate(
        model,
        first.map((value, j) => value - (row(f, 1, g, at)[j] ?? 0)),
      );
      const t = contrast.estimate / contrast.se;
      return {
        factor: factor.id,
        contrast: [factor.levels[0] ?? '', factor.levels[1] ?? ''] as [string, string],
        at: { factor: other.id, level },
        ...contrast,
        t,
        p: twoSidedP(t, contrast.df),
      };
    });
  });
}

function estimate(model: FittedModel, l: readonly number[]): ModelEstimate {
  const value = l.reduce((sum, x, j) => sum + x * (model.fit.beta[j] ?? Number.NaN), 0);
  const se = Math.sqrt(model.ms * quadraticForm(l, model.fit.unscaledCovariance));
  const half = qt(0.975, model.dfResidual) * se;
  return { estimate: value, se, df: model.dfResidual, ciLow: value - half, ciHigh: value + half };
}

function average(rows: readonly (readonly number[])[]): number[] {
  return (rows[0] ?? []).map((_, j) => rows.reduce((sum, row) => sum + (row[j] ?? 0), 0) / rows.length);
}
