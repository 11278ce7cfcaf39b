// The upper tail of the chi-square distribution for the heterogeneity test's p-value, as the
// regularised upper incomplete gamma Q(df/2, x/2) (Cephes igam/igamc: a power series below the
// mean, Legendre's continued fraction above it; both to machine precision).
import { lgamma } from './distributions';

const EPSILON = Number.EPSILON / 2;
const BIG = 4503599627370496; // 2^52: rescale the continued fraction's terms before they overflow
const BIG_INVERSE = 1 / BIG;

/** R: `pchisq(x, df, lower.tail = FALSE)` = Q(df/2, x/2). */
export function pchisqUpper(x: number, df: number): number {
  if (!(x > 0)) return 1;
  if (!Number.isFinite(x)) return 0;
  return gammaUpper(df / 2, x / 2);
}

/** Regularised lower incomplete gamma P(a, x) by its power series (used for x < a + 1). */
function gammaLower(a: number, x: number): number {
  if (x > 1 && x > a) return 1 - gammaUpper(a, x);
  const logPrefix = a * Math.log(x) - x - lgamma(a);
  let r = a;
  let term = 1;
  let sum = 1;
  do {
    r += 1;
    term *= x / r;
    sum += term;
  } while (term / sum > EPSILON);
  return (sum * Math.exp(logPrefix)) / a;
}

/** Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), by continued fraction for x ≥ a. */
function gammaUpper(a: number, x: number): number {
  if (x < 1 || x < a) return 1 - gammaLower(a, x);
  const logPrefix = a * Math.log(x) - x - lgamma(a);
  let y = 1 - a;
  let z = x + y + 1;
  let c = 0;
  let [pkm2, qkm2, pkm1, qkm1] = [1, x, x + 1, z * x];
  let answer = pkm1 / qkm1;
  let change: number;
  do {
    c += 1;
    y += 1;
    z += 2;
    const yc = y * c;
    const pk = pkm1 * z - pkm2 * yc;
    const qk = qkm1 * z - qkm2 * yc;
    change = 1;
    if (qk !== 0) {
      const ratio = pk / qk;
      change = Math.abs((answer - ratio) / ratio);
      answer = ratio;
    }
    [pkm2, pkm1, qkm2, qkm1] = [pkm1, pk, qkm1, qk];
    if (Math.abs(pk) > BIG) [pkm2, pkm1, qkm2, qkm1] = [pkm2 * BIG_INVERSE, pkm1 * BIG_INVERSE, qkm2 * BIG_INVERSE, qkm1 * BIG_INVERSE];
  } while (change > EPSILON && c < 10000);
  return answer * Math.exp(logPrefix);
}
