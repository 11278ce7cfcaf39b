// Factorial OLS on session scores with sum-to-zero contrasts and type III tests: the analysis of
// `car::Anova(lm(y ~ A * B, contrasts = list(A = contr.sum, B = contr.sum)), type = 3)`.
import { isPresent, mean } from './descriptives';
import { allCells, columnNames, COVARIATE, designRow, modelTerms, type FactorSpec, type Term } from './design-matrix';
import { pfUpper, twoSidedP } from './distributions';
import { AnalysisError } from './errors';
import { leastSquares, RankDeficientError, solveSymmetric, type LeastSquaresFit } from './linear-algebra';
import { modelMeans, type CellMean, type MarginalMean, type SimpleEffect } from './model-means';

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

export interface Coefficient { name: string; term: string; estimate: number; se: number; t: number; p: number }
export interface AnovaRow { term: string; ss: number; df: number; f: number; p: number; partialEta2: number }

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

export interface FittedModel {
  factors: readonly FactorSpec[];
  terms: readonly Term[];
  fit: LeastSquaresFit;
  ms: number;
  dfResidual: number;
}

interface Prepared { y: number[]; levelIndex: number[][]; covariate: number[]; covariateMean: number | null; excluded: number }

/** R: `car::Anova(lm(y ~ A * B (+ I(pre − mean(pre))), contrasts = contr.sum), type = 3)`, plus model-based means. */
export function factorialModel(input: FactorialModelInput): FactorialModel {
  if (input.factors.length === 0) throw new AnalysisError('NO_FACTORS', 'a factorial model needs at least one factor');
  const data = prepare(input);
  requireEveryCell(input.factors, data.levelIndex);
  const terms = modelTerms(input.factors, input.covariate === true);
  const rows = designRows(input.factors, terms, data);
  const columns = rows[0]?.map((_, j) => rows.map((row) => row[j] ?? 0)) ?? [];
  const dfResidual = data.y.length - columns.length;
  if (dfResidual < 1) throw new AnalysisError('NO_RESIDUAL_DF', `${data.y.length} sessions for ${columns.length} parameters`);
  const fit = fitOrExplain(columns, data.y);
  const ss = fit.residuals.reduce((sum, r) => sum + r * r, 0);
  const model: FittedModel = { factors: input.factors, terms, fit, ms: ss / dfResidual, dfResidual };
  return {
    n: data.y.length,
    excluded: data.excluded,
    covariateMean: data.covariateMean,
    coefficients: coefficients(model),
    anova: typeThree(model, ss),
    residual: { ss, df: dfResidual, ms: model.ms },
    ...modelMeans(model, data.levelIndex),
  };
}

function prepare(input: FactorialModelInput): Prepared {
  const used = input.rows.filter((row) => isPresent(row.y) && (!input.covariate || isPresent(row.covariate)));
  const levelIndex = used.map((row) => input.factors.map((factor) => {
    const level = factor.levels.indexOf(row.levels[factor.id] ?? '');
    if (level < 0) throw new AnalysisError('UNKNOWN_LEVEL', `factor ${factor.id} has no level '${row.levels[factor.id]}'`);
    return level;
  }));
  const raw = used.map((row) => row.covariate ?? 0);
  // Centring makes the intercept and the cell means refer to the mean covariate (adjusted means).
  const covariateMean = input.covariate && raw.length ? mean(raw) : null;
  return {
    y: used.map((row) => row.y ?? 0),
    levelIndex,
    covariate: raw.map((value) => value - (covariateMean ?? 0)),
    covariateMean,
    excluded: input.rows.length - used.length,
  };
}

/**
 * The design matrix rows. Sessions of one cell share every factorial column, so each cell's row is
 * built once and copied (a 5,000-session study has 4 cells); only the covariate column differs.
 */
function designRows(factors: readonly FactorSpec[], terms: readonly Term[], data: Prepared): number[][] {
  const byCell = new Map<string, number[]>();
  const covariateColumn = covariateIndex(factors, terms);
  return data.y.map((_, i) => {
    const cell = data.levelIndex[i] ?? [];
    const key = cell.join(',');
    let row = byCell.get(key);
    if (!row) {
      row = designRow(factors, terms, cell, 0);
      byCell.set(key, row);
    }
    if (covariateColumn < 0) return row;
    const own = row.slice();
    own[covariateColumn] = data.covariate[i] ?? 0;
    return own;
  });
}

function covariateIndex(factors: readonly FactorSpec[], terms: readonly Term[]): number {
  const names = columnNames(factors, terms);
  return names.findIndex((column) => column.term === COVARIATE);
}

function requireEveryCell(factors: readonly FactorSpec[], levelIndex: readonly number[][]): void {
  const seen = new Set(levelIndex.map((cell) => cell.join(',')));
  const empty = allCells(factors).find((cell) => !seen.has(cell.join(',')));
  if (empty) {
    const names = empty.map((level, f) => `${factors[f]?.id}=${factors[f]?.levels[level]}`).join(', ');
    throw new AnalysisError('EMPTY_CELL', `no scored session in ${names}`);
  }
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
    return { term: term.label, ss, df: index.length, f, p: pfUpper(f, index.length, model.dfResidual), partialEta2: ss / (ss + ssResidual) };
  });
}
