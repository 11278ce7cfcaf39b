// Central distribution functions from @stdlib (ports of Boost/Cephes, accurate to a few ulp), named
// after their R equivalents. Upper tails are computed directly, never as 1 − lower, so small
// p-values keep their digits.
import betainc from '@stdlib/math-base-special-betainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import fQuantile from '@stdlib/stats-base-dists-f-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** R: `pt(x, df, lower.tail)`. */
export function pt(x: number, df: number, lowerTail = true): number {
  return lowerTail ? tCdf(x, df) : tCdf(-x, df);
}

/** R: `qt(p, df)`. */
export function qt(p: number, df: number): number {
  return tQuantile(p, df);
}

/** R: `pf(f, df1, df2, lower.tail = FALSE)` = I_{df2/(df2 + df1·f)}(df2/2, df1/2). */
export function pfUpper(f: number, df1: number, df2: number): number {
  if (f <= 0) return 1;
  if (!Number.isFinite(f)) return 0;
  return betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
}

/** R: `qf(p, df1, df2)`. */
export function qf(p: number, df1: number, df2: number): number {
  return fQuantile(p, df1, df2);
}

/** R: `pnorm(z, lower.tail)` for the standard normal. */
export function pnorm(z: number, lowerTail = true): number {
  return normalCdf(lowerTail ? z : -z, 0, 1);
}

/** R: `pbeta(x, a, b)` (regularised incomplete beta, lower tail). */
export function pbeta(x: number, a: number, b: number): number {
  return betainc(x, a, b);
}

/** R: `lgamma(x)`. */
export function lgamma(x: number): number {
  return gammaln(x);
}

/** Two-sided p-value of a t statistic: R `2 * pt(-abs(t), df)`. */
export function twoSidedP(t: number, df: number): number {
  return 2 * tCdf(-Math.abs(t), df);
}
