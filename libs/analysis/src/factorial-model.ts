// Factorial OLS on session scores with sum-to-zero contrasts and type III tests: the analysis of
// `car::Anova(lm(y ~ A * B, contrasts = list(A = contr.sum, B = contr.sum)), type = 3)`.
import { isPresent } from './descriptives';
import { allCells, columnNames, COVARIATE, designRow, modelTerms, type FactorSpec, type Term } from './design-matrix';
import { pfUpper, twoSidedP } from './distributions';
import { AnalysisError } from './errors';
import { leastSquares, RankDeficientError, solveSymmetric, type LeastSquaresFit } from './linear-algebra';
import { modelMeans, type CellMean, type MarginalMean, type SimpleEffect } from './model-means';
import { pool, poolPaired, single, type PairedSummary, type Summary } from './summaries';

export type { FactorSpec } from './design-matrix';

export interface ModelRow {
  /** The session's score; null rows are excluded and counted. */
  y: number | null;
  /** factor id → level id. */
  levels: Readonly<Record<string, string>>;
  /** The covariate (e.g. the session's pre score) when the model has one; null is excluded. */
  covariate?: number | null;
}

export interface FactorialModelInput {
  rows: readonly ModelRow[];
  factors: readonly FactorSpec[];
  /** Adds the rows' covariate, centred at its mean, after the factorial terms (ANCOVA). */
  covariate?: boolean;
}

export interface Coefficient {
  name: string;
  term: string;
  estimate: number;
  se: number;
  t: number;
  p: number;
}
export interface AnovaRow {
  term: string;
  ss: number;
  df: number;
  f: number;
  p: number;
  partialEta2: number;
}

export interface FactorialModel {
  n: number;
  excluded: number;
  /** Mean of the covariate over the rows used; the covariate enters as (covariate − this). */
  covariateMean: number | null;
  coefficients: Coefficient[];
  /** Type III: one row per term, the intercept first (as car::Anova prints it). */
  anova: AnovaRow[];
  residual: { ss: number; df: number; ms: number };
  cells: CellMean[];
  marginal: MarginalMean[];
  /** Only for two factors with two levels each. */
  simpleEffects: SimpleEffect[] | null;
}

/**
 * One condition cell as a database can aggregate it: the sessions' outcome summary and, for the
 * ANCOVA, the covariate's summary and the cross-product, over the sessions that have both.
 */
export interface CellStatistics {
  /** factor id → level id. */
  levels: Readonly<Record<string, string>>;
  y: Summary;
  /** Required when the model has a covariate; x.n must equal y.n. */
  covariate?: { x: Summary; cross: number };
}

export interface CellModelInput {
  cells: readonly CellStatistics[];
  factors: readonly FactorSpec[];
  covariate?: boolean;
  /** Sessions the caller left out (no score, no covariate), reported as `excluded`. */
  excluded?: number;
}

export interface FittedModel {
  factors: readonly FactorSpec[];
  terms: readonly Term[];
  fit: LeastSquaresFit;
  ms: number;
  dfResidual: number;
}

/** R: `car::Anova(lm(y ~ A * B (+ I(pre − mean(pre))), contrasts = contr.sum), type = 3)`, plus model-based means. */
export function factorialModel(input: FactorialModelInput): FactorialModel {
  requireFactors(input.factors);
  const covariate = input.covariate === true;
  const used = input.rows.filter((row) => isPresent(row.y) && (!covariate || isPresent(row.covariate)));
  const byCell = new Map<string, { levels: Readonly<Record<string, string>>; rows: ModelRow[] }>();
  for (const row of used) {
    const key = levelIndices(input.factors, row.levels).join(',');
    const cell = byCell.get(key) ?? { levels: row.levels, rows: [] };
    cell.rows.push(row);
    byCell.set(key, cell);
  }
  const cells = [...byCell.values()].map(({ levels, rows }): CellStatistics => {
    const paired = poolPaired(rows.map((row) => ({ n: 1, x: single(row.covariate ?? 0), y: single(row.y ?? 0), cross: 0 })));
    return { levels, y: paired.y, covariate: covariate ? { x: paired.x, cross: paired.cross } : undefined };
  });
  return factorialModelFromCells({ cells, factors: input.factors, covariate, excluded: input.rows.length - used.length });
}

/**
 * The same model from per-cell summaries. The model is saturated in the factors, so X'X and X'y
 * depend on the data only through each cell's n, means, SS and cross-product; the fit runs the
 * usual QR on a small matrix with the same X'X and X'y (per cell one row √n × its design row,
 * whose covariate entry is the cell's mean covariate minus the overall one, and one row √Sxx in
 * the covariate column), and the residual SS adds back what that matrix leaves out:
 * Σ (Syy − Sxy²/Sxx) over cells. Same β, (X'X)⁻¹, RSS and rank decisions (equal column norms) as
 * `lm` on the sessions; the R fixtures check both ways in.
 */
export function factorialModelFromCells(input: CellModelInput): FactorialModel {
  requireFactors(input.factors);
  const covariate = input.covariate === true;
  const cells = mergeCells(input);
  const n = cells.reduce((sum, cell) => sum + (cell?.y.n ?? 0), 0);
  requireEveryCell(input.factors, cells);
  const covariateMean = covariate ? pool(cells.map((cell) => cell?.covariate?.x ?? { n: 0, mean: 0, ss: 0 })).mean : null;
  const terms = modelTerms(input.factors, covariate);
  const pseudo = pseudoData(input.factors, terms, cells, covariateMean);
  const dfResidual = n - pseudo.columns.length;
  if (dfResidual < 1) throw new AnalysisError('NO_RESIDUAL_DF', `${n} sessions for ${pseudo.columns.length} parameters`);
  const fit = fitOrExplain(pseudo.columns, pseudo.y);
  const ss = fit.residuals.reduce((sum, r) => sum + r * r, 0) + pseudo.leftOver;
  const model: FittedModel = { factors: input.factors, terms, fit, ms: ss / dfResidual, dfResidual };
  return {
    n,
    excluded: input.excluded ?? 0,
    covariateMean,
    coefficients: coefficients(model),
    anova: typeThree(model, ss),
    residual: { ss, df: dfResidual, ms: model.ms },
    ...modelMeans(
      model,
      cells.map((cell) => cell?.y.n ?? 0),
    ),
  };
}

function requireFactors(factors: readonly FactorSpec[]): void {
  if (factors.length === 0) throw new AnalysisError('NO_FACTORS', 'a factorial model needs at least one factor');
}

function levelIndices(factors: readonly FactorSpec[], levels: Readonly<Record<string, string>>): number[] {
  return factors.map((factor) => {
    const level = factor.levels.indexOf(levels[factor.id] ?? '');
    if (level < 0) throw new AnalysisError('UNKNOWN_LEVEL', `factor ${factor.id} has no level '${levels[factor.id]}'`);
    return level;
  });
}

/** The input's cells in allCells order (undefined where none was given), duplicates pooled. */
function mergeCells(input: CellModelInput): (CellStatistics | undefined)[] {
  const order = new Map(allCells(input.factors).map((cell, c) => [cell.join(','), c]));
  const merged: (CellStatistics | undefined)[] = new Array(order.size).fill(undefined);
  for (const cell of input.cells) {
    if (input.covariate && !cell.covariate)
      throw new Error("factorialModelFromCells: a covariate model needs every cell's covariate summary");
    if (cell.y.n <= 0) continue;
    const c = order.get(levelIndices(input.factors, cell.levels).join(',')) ?? -1;
    const earlier = merged[c];
    merged[c] = earlier ? mergeTwo(earlier, cell, input.covariate === true) : cell;
  }
  return merged;
}

function mergeTwo(a: CellStatistics, b: CellStatistics, covariate: boolean): CellStatistics {
  if (!covariate) return { levels: a.levels, y: pool([a.y, b.y]) };
  const pair = (cell: CellStatistics): PairedSummary => ({
    n: cell.y.n,
    x: cell.covariate?.x ?? cell.y,
    y: cell.y,
    cross: cell.covariate?.cross ?? 0,
  });
  const both = poolPaired([pair(a), pair(b)]);
  return { levels: a.levels, y: both.y, covariate: { x: both.x, cross: both.cross } };
}

function requireEveryCell(factors: readonly FactorSpec[], cells: readonly (CellStatistics | undefined)[]): void {
  const empty = allCells(factors).find((_, c) => !cells[c]);
  if (empty) {
    const names = empty.map((level, f) => `${factors[f]?.id}=${factors[f]?.levels[level]}`).join(', ');
    throw new AnalysisError('EMPTY_CELL', `no scored session in ${names}`);
  }
}

interface PseudoData {
  columns: number[][];
  y: number[];
  leftOver: number;
}

/** The small matrix with the sessions' X'X and X'y (see factorialModelFromCells), as columns. */
function pseudoData(
  factors: readonly FactorSpec[],
  terms: readonly Term[],
  cells: readonly (CellStatistics | undefined)[],
  covariateMean: number | null,
): PseudoData {
  const covariateColumn = covariateIndex(factors, terms);
  const rows: number[][] = [];
  const y: number[] = [];
  let leftOver = 0;
  allCells(factors).forEach((levels, c) => {
    const cell = cells[c];
    if (!cell) return;
    const weight = Math.sqrt(cell.y.n);
    const x = cell.covariate?.x;
    rows.push(designRow(factors, terms, levels, (x?.mean ?? 0) - (covariateMean ?? 0)).map((value) => value * weight));
    y.push(cell.y.mean * weight);
    if (covariateColumn < 0 || !x || x.ss <= 0) return void (leftOver += cell.y.ss);
    const root = Math.sqrt(x.ss);
    const cross = cell.covariate?.cross ?? 0;
    rows.push(designRow(factors, terms, levels, 0).map((_, j) => (j === covariateColumn ? root : 0)));
    y.push(cross / root);
    leftOver += cell.y.ss - (cross * cross) / x.ss;
  });
  const columns = rows[0]?.map((_, j) => rows.map((row) => row[j] ?? 0)) ?? [];
  return { columns, y, leftOver };
}

function covariateIndex(factors: readonly FactorSpec[], terms: readonly Term[]): number {
  const names = columnNames(factors, terms);
  return names.findIndex((column) => column.term === COVARIATE);
}

function fitOrExplain(columns: number[][], y: number[]): LeastSquaresFit {
  try {
    return leastSquares(columns, y);
  } catch (error) {
    if (error instanceof RankDeficientError) throw new AnalysisError('RANK_DEFICIENT', error.message);
    throw error;
  }
}

function coefficients(model: FittedModel): Coefficient[] {
  return columnNames(model.factors, model.terms).map(({ name, term }, j) => {
    const estimate = model.fit.beta[j] ?? Number.NaN;
    const se = Math.sqrt(model.ms * (model.fit.unscaledCovariance[j]?.[j] ?? Number.NaN));
    return { name, term, estimate, se, t: estimate / se, p: twoSidedP(estimate / se, model.dfResidual) };
  });
}

/**
 * Type III SS of a term = the increase in RSS when its columns are dropped from the full model,
 * computed as the Wald form b'[(X'X)⁻¹_TT]⁻¹b (algebraically equal; no difference of two large RSS).
 */
function typeThree(model: FittedModel, ssResidual: number): AnovaRow[] {
  const names = columnNames(model.factors, model.terms);
  return model.terms.map((term) => {
    const index = names.flatMap((column, j) => (column.term === term.label ? [j] : []));
    const b = index.map((j) => model.fit.beta[j] ?? Number.NaN);
    const block = index.map((i) => index.map((j) => model.fit.unscaledCovariance[i]?.[j] ?? Number.NaN));
    const z = solveSymmetric(block, b);
    const ss = b.reduce((sum, value, i) => sum + value * (z[i] ?? Number.NaN), 0);
    const f = ss / index.length / model.ms;
    return {
      term: term.label,
      ss,
      df: index.length,
      f,
      p: pfUpper(f, index.length, model.dfResidual),
      partialEta2: ss / (ss + ssResidual),
    };
  });
}
