// Between-study variance τ² for an intercept-only random-effects model, as metafor::rma.uni (3.8)
// computes it, with the k × k matrices written as sums: for weights w, P = W − w w'/Σw, so
// P y = w ∘ (y − ȳ_w), tr P = Σw − Σw²/Σw and tr P² = Σw² − 2Σw³/Σw + (Σw²)²/(Σw)².
import { findRoot } from './roots';

export interface Heterogeneity {
  /** Cochran's Q = Σ wᵢ(yᵢ − ȳ_w)², wᵢ = 1/vᵢ (the fixed-effect weights). */
  q: number;
  /** tr P with the fixed-effect weights: Σw − Σw²/Σw. */
  traceP: number;
  /** The "typical" within-study variance s² = (k − 1)/tr P that I² and H² compare τ² with. */
  typicalVariance: number;
}

export interface Tau2Fit {
  tau2: number;
  /** Fisher scoring iterations (0 for DL). */
  iterations: number;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Σwᵢyᵢ/Σwᵢ. */
export function weightedMean(yi: readonly number[], wi: readonly number[]): number {
  return sum(yi.map((y, i) => y * (wi[i] as number))) / sum(wi);
}

/** Q, tr P and s² with wᵢ = 1/vᵢ. R: `rma(yi, vi)$QE`, `(k - 1) / sum(diag(P))` = `$vt`. */
export function heterogeneity(yi: readonly number[], vi: readonly number[]): Heterogeneity {
  const wi = vi.map((v) => 1 / v);
  const mean = weightedMean(yi, wi);
  const q = sum(yi.map((y, i) => (wi[i] as number) * (y - mean) ** 2));
  const sw = sum(wi);
  const traceP = sw - sum(wi.map((w) => w * w)) / sw;
  return { q, traceP, typicalVariance: (yi.length - 1) / traceP };
}

/**
 * DerSimonian–Laird: τ² = max(0, (Q − (k − 1))/tr P), the moment estimator from Q with the
 * fixed-effect weights. R: `rma(yi, vi, method = "DL")$tau2`.
 */
export function tau2DerSimonianLaird(yi: readonly number[], vi: readonly number[]): Tau2Fit {
  const { q, traceP } = heterogeneity(yi, vi);
  return { tau2: Math.max(0, (q - (yi.length - 1)) / traceP), iterations: 0 };
}

/**
 * The Fisher scoring step of the restricted likelihood at τ²: (y'PPy − tr P)/tr P², with
 * wᵢ = 1/(vᵢ + τ²). Its sign is the sign of the REML score ∂ℓ_R/∂τ².
 */
export function remlStep(yi: readonly number[], vi: readonly number[], tau2: number): number {
  const wi = vi.map((v) => 1 / (v + tau2));
  const sw = sum(wi);
  const sw2 = sum(wi.map((w) => w * w));
  const sw3 = sum(wi.map((w) => w * w * w));
  const mean = weightedMean(yi, wi);
  const yPPy = sum(yi.map((y, i) => ((wi[i] as number) * (y - mean)) ** 2));
  const traceP = sw - sw2 / sw;
  const tracePP = sw2 - (2 * sw3) / sw + (sw2 / sw) ** 2;
  return (yPPy - traceP) / tracePP;
}

const MAX_ITERATIONS = 200;
// The step's own rounding error is ~1e-16 of the marginal variances vᵢ + τ², so a step below
// 1e-14 of them is noise: further iterations cannot move τ² in any digit that matters.
const CONVERGED = 1e-14;

/**
 * REML by metafor's Fisher scoring: start at the Hedges (HE) estimate max(0, var(y) − mean(v)),
 * step τ² += (y'PPy − tr P)/tr P², halving a step that would leave τ² < 0. Departures, all
 * towards the exact maximum: iterate until the step is at rounding level (metafor stops when τ²
 * changes by < 1e-5, up to ~1e-4 relative short of it); when a step would cross 0 while the score
 * at 0 is ≤ 0, take τ² = 0 (metafor halves its way towards 0 and stops just above it); and when
 * scoring does not converge (it can cycle when a step overshoots the maximum by more than twice
 * its distance; metafor then stops with an error and suggests stepadj = 0.5), find the score's
 * root by Brent's method instead.
 * R: `rma(yi, vi, method = "REML", control = list(threshold = 1e-12, maxiter = 1000))$tau2`.
 */
export function tau2Reml(yi: readonly number[], vi: readonly number[]): Tau2Fit {
  const meanVariance = sum(vi) / vi.length;
  const scoring = fisherScoring(yi, vi, meanVariance);
  if (scoring.converged) return { tau2: scoring.tau2, iterations: scoring.iterations };
  return { tau2: scoreRoot(yi, vi, Math.max(scoring.tau2, meanVariance)), iterations: scoring.iterations };
}

function fisherScoring(yi: readonly number[], vi: readonly number[], meanVariance: number): Tau2Fit & { converged: boolean } {
  const mean = sum(yi) / yi.length;
  let tau2 = Math.max(0, sum(yi.map((y) => (y - mean) ** 2)) / (yi.length - 1) - meanVariance);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    let step = remlStep(yi, vi, tau2);
    if (!Number.isFinite(step)) break;
    if (tau2 + step < 0) {
      if (tau2 === 0 || remlStep(yi, vi, 0) <= 0) return { tau2: 0, iterations: iteration, converged: true };
      while (tau2 + step < 0) step /= 2;
    }
    const next = tau2 + step;
    if (Math.abs(next - tau2) <= CONVERGED * (next + meanVariance)) return { tau2: next, iterations: iteration, converged: true };
    tau2 = next;
  }
  return { tau2, iterations: MAX_ITERATIONS, converged: false };
}

/** The root of the REML score in [0, ∞): 0 if the score is ≤ 0 at 0, else Brent on a bracket. */
function scoreRoot(yi: readonly number[], vi: readonly number[], start: number): number {
  const score = (tau2: number): number => remlStep(yi, vi, tau2);
  if (score(0) <= 0) return 0;
  let upper = start;
  while (score(upper) > 0 && upper < 1e12) upper *= 2;
  return findRoot(score, 0, upper, Number.MIN_VALUE);
}
