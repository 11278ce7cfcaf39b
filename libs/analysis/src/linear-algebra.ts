// Least squares by Householder QR (as R's lm, via LINPACK dqrdc2): no normal equations, so the
// condition number is not squared. Matrices here are small (sessions × a few dozen columns).

export class RankDeficientError extends Error {
  constructor(readonly column: number) {
    super(`design matrix column ${column} is a linear combination of the columns before it`);
    this.name = 'RankDeficientError';
  }
}

export interface LeastSquaresFit {
  beta: number[];
  residuals: number[];
  /** (X'X)⁻¹ = R⁻¹R⁻ᵀ; multiplied by the residual mean square it is the covariance of beta. */
  unscaledCovariance: number[][];
}

// A column whose norm drops below this fraction of its original norm after the earlier
// reflections is treated as dependent (R's lm uses tol = 1e-7 in the same relative sense).
const RANK_TOLERANCE = 1e-7;

/** Ordinary least squares of y on the given columns of X. */
export function leastSquares(columns: readonly (readonly number[])[], y: readonly number[]): LeastSquaresFit {
  const a = columns.map((c) => Float64Array.from(c));
  const qty = Float64Array.from(y);
  for (let k = 0; k < a.length; k++) {
    const norm = reflect(a, qty, k);
    if (norm <= RANK_TOLERANCE * Math.hypot(...(columns[k] ?? []))) throw new RankDeficientError(k);
  }
  const r = (i: number, j: number): number => a[j]?.[i] ?? 0;
  const p = a.length;
  const beta = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = qty[i] ?? 0;
    for (let j = i + 1; j < p; j++) s -= r(i, j) * (beta[j] ?? 0);
    beta[i] = s / r(i, i);
  }
  const residuals = y.map((v, row) => v - columns.reduce((sum, c, j) => sum + (c[row] ?? 0) * (beta[j] ?? 0), 0));
  return { beta, residuals, unscaledCovariance: upperInverseTimesTranspose(r, p) };
}

/** Applies the Householder reflection that zeroes column k below the diagonal; returns |R_kk|. */
function reflect(a: Float64Array[], qty: Float64Array, k: number): number {
  const x = a[k];
  if (!x) return 0;
  const n = x.length;
  // Scaled two-pass norm: as safe from overflow as an incremental Math.hypot, without its cost per element.
  let scale = 0;
  for (let i = k; i < n; i++) scale = Math.max(scale, Math.abs(x[i] ?? 0));
  let sum = 0;
  if (scale > 0) for (let i = k; i < n; i++) sum += ((x[i] ?? 0) / scale) ** 2;
  const norm = scale * Math.sqrt(sum);
  if (norm === 0) return 0;
  const alpha = (x[k] ?? 0) > 0 ? -norm : norm;
  const v = Float64Array.from(x.subarray(k));
  v[0] = (v[0] ?? 0) - alpha;
  let vv = 0;
  for (const e of v) vv += e * e;
  const apply = (target: Float64Array): void => {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += (v[i] ?? 0) * (target[k + i] ?? 0);
    const factor = (2 * s) / vv;
    for (let i = 0; i < v.length; i++) target[k + i] = (target[k + i] ?? 0) - factor * (v[i] ?? 0);
  };
  for (let j = k + 1; j < a.length; j++) apply(a[j] ?? new Float64Array(0));
  apply(qty);
  x[k] = alpha;
  x.fill(0, k + 1);
  return norm;
}

/** R⁻¹R⁻ᵀ for an upper-triangular R given by its entries. */
function upperInverseTimesTranspose(r: (i: number, j: number) => number, p: number): number[][] {
  const inv = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    for (let i = j; i >= 0; i--) {
      let s = i === j ? 1 : 0;
      for (let m = i + 1; m <= j; m++) s -= r(i, m) * (inv[m]?.[j] ?? 0);
      (inv[i] as number[])[j] = s / r(i, i);
    }
  }
  return inv.map((row, i) =>
    inv.map((other, j) => {
      let s = 0;
      for (let m = Math.max(i, j); m < p; m++) s += (row[m] ?? 0) * (other[m] ?? 0);
      return s;
    }),
  );
}

/** x'Ay for a symmetric A. */
export function quadraticForm(x: readonly number[], a: readonly (readonly number[])[], y: readonly number[] = x): number {
  let s = 0;
  x.forEach((xi, i) => y.forEach((yj, j) => (s += xi * (a[i]?.[j] ?? 0) * yj)));
  return s;
}

/** Solves A·z = b for a symmetric positive definite A by Cholesky. */
export function solveSymmetric(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]?.[j] ?? 0;
      for (let m = 0; m < j; m++) s -= (l[i]?.[m] ?? 0) * (l[j]?.[m] ?? 0);
      (l[i] as number[])[j] = i === j ? Math.sqrt(s) : s / (l[j]?.[j] ?? Number.NaN);
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i] ?? 0;
    for (let m = 0; m < i; m++) s -= (l[i]?.[m] ?? 0) * (z[m] ?? 0);
    z[i] = s / (l[i]?.[i] ?? Number.NaN);
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i] ?? 0;
    for (let m = i + 1; m < n; m++) s -= (l[m]?.[i] ?? 0) * (z[m] ?? 0);
    z[i] = s / (l[i]?.[i] ?? Number.NaN);
  }
  return z;
}
