// Two-group comparisons of session scores: Hedges' g with a noncentral-t CI, and Welch's t test.
import { isPresent, summarise } from './descriptives';
import { lgamma, pnorm, qt, twoSidedP } from './distributions';
import type { FactorSpec } from './design-matrix';
import { pnt } from './noncentral-t';
import { findRoot, RootNotBracketedError } from './roots';
import type { Summary } from './summaries';

export interface HedgesG {
  n1: number;
  n2: number;
  df: number;
  /** Cohen's d: (mean a − mean b) / pooled SD. */
  d: number;
  /** Small-sample correction Γ(df/2) / (√(df/2) Γ((df − 1)/2)). */
  j: number;
  g: number;
  ciLow: number;
  ciHigh: number;
  /** Sampling variance (n1 + n2)/(n1·n2) + g²/(2(n1 + n2)), the weight a meta-analysis uses. */
  variance: number;
}

/**
 * Hedges' g of a − b with the CI of effectsize::hedges_g (0.8.3): the noncentrality parameters
 * for which the observed t = d/√(1/n1 + 1/n2) is the .975 and .025 quantile, times
 * √(1/n1 + 1/n2), times J (effectsize scales the CI by J too). R: `effectsize::hedges_g(a, b)`.
 * null when df < 2 (J is undefined) or both groups are constant.
 */
export function hedgesG(a: readonly number[], b: readonly number[], confidence = 0.95): HedgesG | null {
  return hedgesGFromSummaries(summarise(a), summarise(b), confidence);
}

/** The same g from each group's n, mean and SS (e.g. pooled by a database per factor level). */
export function hedgesGFromSummaries(a: Summary, b: Summary, confidence = 0.95): HedgesG | null {
  const { n: n1 } = a;
  const { n: n2 } = b;
  const df = n1 + n2 - 2;
  if (n1 < 1 || n2 < 1 || df < 2) return null;
  const pooled = Math.sqrt((a.ss + b.ss) / df);
  if (pooled === 0) return null;
  const d = (a.mean - b.mean) / pooled;
  const j = Math.exp(lgamma(df / 2) - Math.log(Math.sqrt(df / 2)) - lgamma((df - 1) / 2));
  const scale = Math.sqrt(1 / n1 + 1 / n2);
  const [low, high] = dInterval(d, scale, df, n1 + n2, confidence);
  const g = d * j;
  return { n1, n2, df, d, j, g, ciLow: low * j, ciHigh: high * j, variance: (n1 + n2) / (n1 * n2) + g ** 2 / (2 * (n1 + n2)) };
}

/**
 * The CI of d by the noncentral t. When t is so extreme (groups without spread, e.g. every member
 * answering alike) that the noncentral t cannot be inverted in double precision, the large-sample
 * normal interval d ± z·√((n1 + n2)/(n1·n2) + d²/(2(n1 + n2))) stands in, rather than no answer.
 */
function dInterval(d: number, scale: number, df: number, n: number, confidence: number): [number, number] {
  try {
    const [low, high] = noncentralityInterval(d / scale, df, confidence);
    return [low * scale, high * scale];
  } catch (error) {
    if (!(error instanceof RootNotBracketedError)) throw error;
    const z = findRoot((x) => pnorm(x) - (1 - (1 - confidence) / 2), -40, 40);
    const half = z * Math.sqrt(scale ** 2 + d ** 2 / (2 * n));
    return [d - half, d + half];
  }
}

/** The ncp values with P(T ≤ t; ncp) = 1 − α/2 and α/2: the t-scale confidence limits. */
export function noncentralityInterval(t: number, df: number, confidence = 0.95): [number, number] {
  const alpha = 1 - confidence;
  const solve = (p: number): number => {
    // P(T ≤ t; ncp) falls as ncp grows; widen the bracket until it holds the root.
    let width = 10;
    while (width < 1e4 && !(pnt(t, df, t - width) > p && pnt(t, df, t + width) < p)) width *= 2;
    return findRoot((ncp) => pnt(t, df, ncp) - p, t - width, t + width);
  };
  return [solve(1 - alpha / 2), solve(alpha / 2)];
}

export interface WelchT {
  meanA: number;
  meanB: number;
  /** mean a − mean b. */
  difference: number;
  se: number;
  t: number;
  /** Welch–Satterthwaite df. */
  df: number;
  p: number;
  ciLow: number;
  ciHigh: number;
}

/** Welch's two-sample t test of a − b. R: `t.test(a, b)`. null unless both groups have n ≥ 2 and some variance. */
export function welchT(a: readonly number[], b: readonly number[], confidence = 0.95): WelchT | null {
  return welchTFromSummaries(summarise(a), summarise(b), confidence);
}

/** The same test from each group's n, mean and SS. */
export function welchTFromSummaries(a: Summary, b: Summary, confidence = 0.95): WelchT | null {
  if (a.n < 2 || b.n < 2) return null;
  const va = a.ss / (a.n - 1) / a.n;
  const vb = b.ss / (b.n - 1) / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return null;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const difference = a.mean - b.mean;
  const half = qt(1 - (1 - confidence) / 2, df) * se;
  const t = difference / se;
  return { meanA: a.mean, meanB: b.mean, difference, se, t, df, p: twoSidedP(t, df), ciLow: difference - half, ciHigh: difference + half };
}

export interface FactorComparison {
  factor: string;
  /** g and the Welch difference are levels[0] − levels[1]. */
  levels: [string, string];
  hedges: HedgesG | null;
  welch: WelchT | null;
}

/** Hedges' g and Welch's t between the levels of every two-level factor, on session scores. */
export function twoLevelComparisons(
  rows: readonly { y: number | null; levels: Readonly<Record<string, string>> }[],
  factors: readonly FactorSpec[],
): FactorComparison[] {
  return twoLevelComparisonsFromSummaries(
    (factor, level) =>
      summarise(
        rows
          .filter((row) => row.levels[factor] === level)
          .map((row) => row.y)
          .filter(isPresent),
      ),
    factors,
  );
}

/** The same comparisons from the summary (n, mean, SS) of each factor level's session scores. */
export function twoLevelComparisonsFromSummaries(
  summaryOf: (factorId: string, levelId: string) => Summary,
  factors: readonly FactorSpec[],
): FactorComparison[] {
  return factors.flatMap((factor) => {
    const [first, second] = factor.levels;
    if (factor.levels.length !== 2 || first === undefined || second === undefined) return [];
    const a = summaryOf(factor.id, first);
    const b = summaryOf(factor.id, second);
    return [
      {
        factor: factor.id,
        levels: [first, second] as [string, string],
        hedges: hedgesGFromSummaries(a, b),
        welch: welchTFromSummaries(a, b),
      },
    ];
  });
}
