// Groups of observations summarised by their count, mean and sum of squared deviations, and the
// exact way to merge such summaries. A database can aggregate thousands of sessions into a few
// summaries (per condition cell, or per distinct score) and every statistic here still equals the
// one computed from the raw values: nothing is derived from Σx² − (Σx)²/n, which loses digits.

/** n observations of one variable: their mean and Σ (x − mean)². */
export interface Summary {
  n: number;
  mean: number;
  ss: number;
}

/** n observations of two variables together (x a covariate, y an outcome) and their cross-product. */
export interface PairedSummary {
  n: number;
  x: Summary;
  y: Summary;
  /** Σ (x − mean x)(y − mean y). */
  cross: number;
}

/** Mean of the parts' means weighted by their n, with R's second pass that corrects the rounding of the first. */
function pooledMean(parts: readonly Summary[], n: number): number {
  let sum = 0;
  for (const part of parts) sum += part.n * part.mean;
  const first = sum / n;
  let correction = 0;
  for (const part of parts) correction += part.n * (part.mean - first);
  return first + correction / n;
}

/**
 * The summary of the union of the parts: SS = Σ ssᵢ + Σ nᵢ(meanᵢ − mean)² (the one-way ANOVA
 * identity; Chan, Golub & LeVeque 1979). Parts with n = 0 are ignored; n = 0 overall gives NaN.
 */
export function pool(parts: readonly Summary[]): Summary {
  const used = parts.filter((part) => part.n > 0);
  const n = used.reduce((sum, part) => sum + part.n, 0);
  const mean = pooledMean(used, n);
  let ss = 0;
  for (const part of used) ss += part.ss + part.n * (part.mean - mean) ** 2;
  return { n, mean, ss };
}

/** The same merge for paired observations: cross = Σ crossᵢ + Σ nᵢ(x̄ᵢ − x̄)(ȳᵢ − ȳ). */
export function poolPaired(parts: readonly PairedSummary[]): PairedSummary {
  const used = parts.filter((part) => part.n > 0);
  const x = pool(used.map((part) => part.x));
  const y = pool(used.map((part) => part.y));
  let cross = 0;
  for (const part of used) cross += part.cross + part.n * (part.x.mean - x.mean) * (part.y.mean - y.mean);
  return { n: x.n, x, y, cross };
}

/** One observation as a summary (ss 0), the unit the pooling functions merge. */
export function single(value: number): Summary {
  return { n: 1, mean: value, ss: 0 };
}

/** Sessions that share one score (a database groups them), with the summary of their covariate where they have one. */
export interface ScoreGroup {
  value: number;
  sessions: number;
  /** The covariate (e.g. pre score) over those of the sessions that have it; n may be below `sessions`. */
  covariate?: Summary;
}

/** The summary of all the groups' sessions' scores. */
export function scoreSummary(groups: readonly ScoreGroup[]): Summary {
  return pool(groups.map((group) => ({ n: group.sessions, mean: group.value, ss: 0 })));
}

/** Covariate and score of the sessions that have both: within a group the score is constant, so its cross-product is 0. */
export function pairedScoreSummary(groups: readonly ScoreGroup[]): PairedSummary {
  return poolPaired(
    groups.flatMap((group) => {
      const x = group.covariate;
      return x && x.n > 0 ? [{ n: x.n, x, y: { n: x.n, mean: group.value, ss: 0 }, cross: 0 }] : [];
    }),
  );
}
