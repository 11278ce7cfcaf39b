// Brent's root finder (R's uniroot, zeroin.c), used where R's packages call uniroot, but with a
// tolerance near machine precision instead of uniroot's default 1.2e-4.

export class RootNotBracketedError extends Error {
  constructor(
    readonly lower: number,
    readonly upper: number,
  ) {
    super(`f has the same sign at ${lower} and ${upper}`);
    this.name = 'RootNotBracketedError';
  }
}

/** A root of f in [lower, upper], where f(lower) and f(upper) differ in sign. */
export function findRoot(f: (x: number) => number, lower: number, upper: number, tolerance = 1e-13): number {
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa > 0 === fb > 0) throw new RootNotBracketedError(lower, upper);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < 1000; iteration++) {
    if (Math.abs(fc) < Math.abs(fb)) [a, b, c, fa, fb, fc] = [b, c, b, fb, fc, fb];
    const tol = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      [d, e] = interpolationStep(a, b, c, fa, fb, fc, m, tol, d, e);
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
    if (fb > 0 === fc > 0) [c, fc, d, e] = [a, fa, b - a, b - a];
  }
  return b;
}

/** Secant or inverse quadratic interpolation; falls back to bisection when the step is poor. */
function interpolationStep(
  a: number,
  b: number,
  c: number,
  fa: number,
  fb: number,
  fc: number,
  m: number,
  tol: number,
  d: number,
  e: number,
): [number, number] {
  const s = fb / fa;
  let p: number;
  let q: number;
  if (a === c) {
    p = 2 * m * s;
    q = 1 - s;
  } else {
    const r = fb / fc;
    const t = fa / fc;
    p = s * (2 * m * t * (t - r) - (b - a) * (r - 1));
    q = (t - 1) * (r - 1) * (s - 1);
  }
  if (p > 0) q = -q;
  else p = -p;
  if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) return [p / q, d];
  return [m, m];
}
