// Random-effects meta-analysis of per-site effects (many-labs pooling), as metafor::rma.uni with
// its defaults (test = "z", level = 95): τ² by REML or DerSimonian–Laird, the pooled estimate with
// its z test and CI, Cochran's Q, I², H², the prediction interval and each study's weight.
import { pnorm } from './distributions';
import { pchisqUpper } from './meta-analysis-chisq';
import { heterogeneity, tau2DerSimonianLaird, tau2Reml, weightedMean } from './meta-analysis-tau2';

/** R: `qnorm(0.975)`, the critical value of metafor's default 95 % z intervals. */
const Z_975 = 1.9599639845400536;

export interface MetaStudy {
  /** The study's effect estimate (e.g. a site's Hedges' g). */
  yi: number;
  /** Its sampling variance (> 0). */
  vi: number;
  label?: string;
}

export type MetaMethod = 'REML' | 'DL';

export interface MetaOptions {
  /** REML (metafor's default) or DerSimonian–Laird. */
  method?: MetaMethod;
}

export interface MetaStudyWeight {
  label: string | null;
  yi: number;
  vi: number;
  /** 100·wᵢ/Σw with wᵢ = 1/(vᵢ + τ²), in percent. R: `weights(fit)`. */
  weight: number;
}

export interface RandomEffectsMeta {
  method: MetaMethod;
  k: number;
  /** μ̂ = Σwᵢyᵢ/Σwᵢ, wᵢ = 1/(vᵢ + τ²). */
  estimate: number;
  /** √(1/Σwᵢ). */
  se: number;
  z: number;
  /** Two-sided 2·Φ(−|z|). */
  p: number;
  ciLow: number;
  ciHigh: number;
  tau2: number;
  tau: number;
  /** 100·τ²/(τ² + s²), s² = (k − 1)/tr P, in percent (metafor's I², not (Q − df)/Q). */
  i2: number;
  /** (τ² + s²)/s². */
  h2: number;
  /** Cochran's Q with the fixed-effect weights 1/vᵢ, its df k − 1 and upper-tail χ² p. */
  q: number;
  qDf: number;
  qP: number;
  /** 95 % prediction interval for a new site's true effect: μ̂ ± z.975·√(SE² + τ²). */
  piLow: number;
  piHigh: number;
  /** Fisher scoring iterations for REML, 0 for DL. */
  iterations: number;
  studies: MetaStudyWeight[];
}

/**
 * Pools studies by an intercept-only random-effects model yᵢ ~ N(μ, vᵢ + τ²).
 * τ²: REML by Fisher scoring (see `tau2Reml`) or DL = max(0, (Q − (k − 1))/tr P); both ≥ 0.
 * Then wᵢ = 1/(vᵢ + τ²), μ̂ = Σwᵢyᵢ/Σwᵢ, SE = √(1/Σwᵢ), z = μ̂/SE, p = 2Φ(−|z|),
 * CI = μ̂ ± z.975·SE, PI = μ̂ ± z.975·√(SE² + τ²); Q = Σ(yᵢ − ȳ)²/vᵢ (ȳ the fixed-effect mean) on
 * k − 1 df; s² = (k − 1)/(Σ1/vᵢ − Σ1/vᵢ²/Σ1/vᵢ), I² = 100·τ²/(τ² + s²), H² = τ²/s² + 1.
 * null with fewer than two studies, or a study whose yi is not finite or whose vi is not > 0.
 * R: `fit <- metafor::rma(yi, vi, method = "REML")` (or `"DL"`); `predict(fit)` for pi.lb/pi.ub;
 * `weights(fit)`. REML figures match rma with `control = list(threshold = 1e-12)`.
 */
export function randomEffectsMeta(studies: readonly MetaStudy[], options: MetaOptions = {}): RandomEffectsMeta | null {
  const method = options.method ?? 'REML';
  if (studies.length < 2 || !studies.every(isValidStudy)) return null;
  const yi = studies.map((study) => study.yi);
  const vi = studies.map((study) => study.vi);
  const { tau2, iterations } = method === 'DL' ? tau2DerSimonianLaird(yi, vi) : tau2Reml(yi, vi);
  return {
    method,
    k: studies.length,
    ...pooled(yi, vi, tau2),
    ...heterogeneityFigures(yi, vi, tau2),
    iterations,
    studies: studyWeights(studies, tau2),
  };
}

function isValidStudy(study: MetaStudy): boolean {
  return Number.isFinite(study.yi) && Number.isFinite(study.vi) && study.vi > 0;
}

function pooled(yi: readonly number[], vi: readonly number[], tau2: number) {
  const wi = vi.map((v) => 1 / (v + tau2));
  const estimate = weightedMean(yi, wi);
  const se = Math.sqrt(1 / wi.reduce((total, w) => total + w, 0));
  const z = estimate / se;
  const predictionHalf = Z_975 * Math.sqrt(se * se + tau2);
  return {
    estimate,
    se,
    z,
    p: 2 * pnorm(-Math.abs(z)),
    ciLow: estimate - Z_975 * se,
    ciHigh: estimate + Z_975 * se,
    piLow: estimate - predictionHalf,
    piHigh: estimate + predictionHalf,
  };
}

function heterogeneityFigures(yi: readonly number[], vi: readonly number[], tau2: number) {
  const { q, typicalVariance } = heterogeneity(yi, vi);
  const qDf = yi.length - 1;
  return {
    tau2,
    tau: Math.sqrt(tau2),
    i2: (100 * tau2) / (typicalVariance + tau2),
    h2: tau2 / typicalVariance + 1,
    q,
    qDf,
    qP: pchisqUpper(q, qDf),
  };
}

function studyWeights(studies: readonly MetaStudy[], tau2: number): MetaStudyWeight[] {
  const wi = studies.map((study) => 1 / (study.vi + tau2));
  const total = wi.reduce((sum, w) => sum + w, 0);
  return studies.map((study, i) => ({ label: study.label ?? null, yi: study.yi, vi: study.vi, weight: (100 * (wi[i] as number)) / total }));
}

/**
 * A site's Hedges' g as a meta-analysis study: yi = g, vi = 1/n1 + 1/n2 + g²/(2(n1 + n2)), the
 * large-sample variance metafor's escalc uses for measure "SMD" (vtype "LS"; g with the exact J).
 * Takes `hedgesG(a, b)`'s result (or any { g, n1, n2 }).
 * R: `metafor::escalc(measure = "SMD", m1i, sd1i, n1i, m2i, sd2i, n2i)` → yi, vi.
 */
export function metaStudyFromHedgesG(effect: { g: number; n1: number; n2: number }, label?: string): MetaStudy {
  const { g, n1, n2 } = effect;
  const study: MetaStudy = { yi: g, vi: 1 / n1 + 1 / n2 + (g * g) / (2 * (n1 + n2)) };
  return label === undefined ? study : { ...study, label };
}
