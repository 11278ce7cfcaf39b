// Power and sample size for a two-sided two-sample t test on session scores, as pwr computes them
// (exact noncentral t, both rejection regions), but solved to 1e-10 rather than pwr's 1e-4.
import { qt } from './distributions';
import { pnt } from './noncentral-t';
import { findRoot } from './roots';

export interface PowerInput {
  n1: number;
  n2: number;
  /** Standardised difference (Cohen's d) on the scale the test uses. */
  d: number;
  alpha: number;
}

/**
 * P(|T| > t(1 − α/2, ν)) with T ~ t(ν, ncp = d/√(1/n1 + 1/n2)), ν = n1 + n2 − 2.
 * R: `pwr::pwr.t2n.test(n1, n2, d, sig.level = alpha)$power` (= pwr.t.test when n1 = n2).
 */
export function powerTwoSample({ n1, n2, d, alpha }: PowerInput): number {
  const nu = n1 + n2 - 2;
  const critical = qt(1 - alpha / 2, nu);
  const ncp = Math.abs(d) / Math.sqrt(1 / n1 + 1 / n2);
  return pnt(critical, nu, ncp, false) + pnt(-critical, nu, ncp);
}

export interface SampleSize {
  /** The real-valued n per group at which power is reached (pwr's `n`). */
  n: number;
  /** n rounded up: sessions to recruit per condition. */
  perGroup: number;
}

/** R: `ceiling(pwr::pwr.t.test(d = d, sig.level = alpha, power = power)$n)`. */
export function sampleSizePerGroup({ d, alpha, power }: { d: number; alpha: number; power: number }): SampleSize {
  const n = findRoot((m) => powerTwoSample({ n1: m, n2: m, d, alpha }) - power, 2 + 1e-10, 1e9, 1e-10);
  return { n, perGroup: Math.ceil(n) };
}

/** Design effect of clustering m members with intraclass correlation icc: 1 + (m − 1)·ICC (Kish 1965). */
export function designEffect(m: number, icc: number): number {
  return 1 + (m - 1) * icc;
}

export interface SessionPlanInput {
  /** Effect as Cohen's d standardised on session scores. */
  d: number;
  alpha: number;
  power: number;
  icc: number;
  /** Members per session (2 for dyads). */
  groupSize: number;
}

export interface SessionPlan {
  /** What to recruit: sessions per condition for the session-level t test (pwr.t.test's n, rounded up). */
  sessionsPerCondition: number;
  participantsPerCondition: number;
  designEffect: number;
  /**
   * The textbook individual-level route (Donner & Klar 2000), for comparison: n for d treated as an
   * effect on individual scores, inflated by the design effect, then divided into sessions.
   * It differs from the session-level answer because session means have a smaller SD.
   */
  individualLevel: { independentPerCondition: number; participantsPerCondition: number; sessionsPerCondition: number };
}

/** Sample-size plan for a session-randomised design (GET /api/power). */
export function sessionPlan({ d, alpha, power, icc, groupSize }: SessionPlanInput): SessionPlan {
  const { n, perGroup } = sampleSizePerGroup({ d, alpha, power });
  const effect = designEffect(groupSize, icc);
  const participants = Math.ceil(n * effect);
  return {
    sessionsPerCondition: perGroup,
    participantsPerCondition: perGroup * groupSize,
    designEffect: effect,
    individualLevel: {
      independentPerCondition: perGroup,
      participantsPerCondition: participants,
      sessionsPerCondition: Math.ceil(participants / groupSize),
    },
  };
}

/** Power at each number of sessions per condition (equal groups), for a power curve. */
export function powerCurve({
  d,
  alpha,
  sessionsPerCondition,
}: {
  d: number;
  alpha: number;
  sessionsPerCondition: readonly number[];
}): { n: number; power: number }[] {
  return sessionsPerCondition.map((n) => ({ n, power: powerTwoSample({ n1: n, n2: n, d, alpha }) }));
}
