// The design matrix R builds for `y ~ A * B * C (+ covariate)` with contr.sum: columns in R's
// order and with R's names, so coefficients can be read side by side with summary(lm(...)).

export interface FactorSpec {
  id: string;
  /** In order; with sum-to-zero contrasts the last level is coded −1 in every column. */
  levels: readonly string[];
}

export interface Term {
  /** R's term label: '(Intercept)', 'A', 'A:B', 'covariate'. */
  label: string;
  /** Indices into the factors; empty for the intercept and the covariate. */
  factors: readonly number[];
  covariate: boolean;
}

export const INTERCEPT = '(Intercept)';
export const COVARIATE = 'covariate';

/**
 * R's order for `y ~ A * B * C + covariate`: terms sorted by degree, so the intercept, the main
 * effects, the covariate (also degree 1), then the interactions (A:B, A:C, B:C, A:B:C).
 */
export function modelTerms(factors: readonly FactorSpec[], covariate: boolean): Term[] {
  let subsets: number[][] = [[]];
  factors.forEach((_, f) => (subsets = [...subsets, ...subsets.map((s) => [...s, f])]));
  const effects = subsets
    .filter((s) => s.length > 0)
    .sort((a, b) => a.length - b.length || compareIndices(a, b))
    .map((s) => ({ label: s.map((f) => factors[f]?.id).join(':'), factors: s, covariate: false }));
  const intercept: Term = { label: INTERCEPT, factors: [], covariate: false };
  const mainEffects = effects.filter((term) => term.factors.length === 1);
  const interactions = effects.filter((term) => term.factors.length > 1);
  const covariates = covariate ? [{ label: COVARIATE, factors: [], covariate: true }] : [];
  return [intercept, ...mainEffects, ...covariates, ...interactions];
}

/** contr.sum row for level i of a factor with L levels: e_i for i < L − 1, all −1 for the last. */
function contrastCodes(levels: number, level: number): number[] {
  return Array.from({ length: levels - 1 }, (_, j) => (level === levels - 1 ? -1 : level === j ? 1 : 0));
}

/** The term's columns for one observation; R lets the first factor vary fastest. */
function termRow(factors: readonly FactorSpec[], term: Term, levelIndex: readonly number[], covariate: number): number[] {
  if (term.covariate) return [covariate];
  let row = [1];
  for (const f of term.factors) {
    const codes = contrastCodes(factors[f]?.levels.length ?? 0, levelIndex[f] ?? -1);
    row = codes.flatMap((code) => row.map((value) => value * code));
  }
  return row;
}

export function designRow(factors: readonly FactorSpec[], terms: readonly Term[], levelIndex: readonly number[], covariate = 0): number[] {
  return terms.flatMap((term) => termRow(factors, term, levelIndex, covariate));
}

/** Coefficient names as R prints them ('A1', 'A2:B1') and the term each belongs to. */
export function columnNames(factors: readonly FactorSpec[], terms: readonly Term[]): { name: string; term: string }[] {
  return terms.flatMap((term) => {
    if (term.factors.length === 0) return [{ name: term.label, term: term.label }];
    let names = [''];
    for (const f of term.factors) {
      const factor = factors[f];
      const columns = Array.from({ length: (factor?.levels.length ?? 1) - 1 }, (_, j) => `${factor?.id}${j + 1}`);
      names = columns.flatMap((column) => names.map((name) => (name ? `${name}:${column}` : column)));
    }
    return names.map((name) => ({ name, term: term.label }));
  });
}

/** Every combination of levels, first factor fastest (R's expand.grid order). */
export function allCells(factors: readonly FactorSpec[]): number[][] {
  let cells: number[][] = [[]];
  for (const factor of factors) {
    cells = factor.levels.flatMap((_, level) => cells.map((cell) => [...cell, level]));
  }
  return cells;
}

function compareIndices(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}
