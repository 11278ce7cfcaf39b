// Evaluating a replication against an original study.
import { pnorm } from './distributions';
import { powerTwoSample } from './power';
import { findRoot } from './roots';

/**
 * d33: the effect the original study (n1, n2 per group, two-sided α) had 33 % power to detect
 * (Simonsohn 2015). R: `pwr::pwr.t2n.test(n1, n2, power = 1/3)$d`.
 */
export function d33(n1: number, n2: number, alpha = 0.05): number {
  return findRoot((d) => powerTwoSample({ n1, n2, d, alpha }) - 1 / 3, 1e-7, 10, 1e-14);
}

export interface SmallTelescopesInput {
  original: { n1: number; n2: number };
  /** The replication's d, signed so that the original effect is positive. */
  replication: { d: number; n1: number; n2: number };
}

export interface SmallTelescopes {
  d33: number;
  /** SE of the replication d: √((n1 + n2)/(n1·n2) + d²/(2(n1 + n2))). */
  se: number;
  z: number;
  /** One-sided p of H0: δ = d33 against δ < d33, Φ(z). */
  p: number;
  /** p < .05: the effect, if any, is too small for the original study to have detected. */
  tooSmall: boolean;
}

/** Small-telescopes test: z = (d_rep − d33)/SE(d_rep), p = Φ(z). R: `pnorm((d - d33) / se)`. */
export function smallTelescopes({ original, replication }: SmallTelescopesInput): SmallTelescopes {
  const detectable = d33(original.n1, original.n2);
  const { d, n1, n2 } = replication;
  const se = Math.sqrt((n1 + n2) / (n1 * n2) + d ** 2 / (2 * (n1 + n2)));
  const z = (d - detectable) / se;
  const p = pnorm(z);
  return { d33: detectable, se, z, p, tooSmall: p < 0.05 };
}

/**
 * The small-telescopes test of a pooled (meta-analytic) replication estimate: the same z test with
 * the random-effects SE in place of one study's, z = (μ̂ − d33)/SE(μ̂), p = Φ(z), where μ̂ is signed
 * so that the original effect is positive. R: `pnorm((fit$b - d33) / fit$se)` on `metafor::rma`.
 */
export function smallTelescopesPooled({
  original,
  estimate,
  se,
}: {
  original: { n1: number; n2: number };
  estimate: number;
  se: number;
}): SmallTelescopes {
  const detectable = d33(original.n1, original.n2);
  const z = (estimate - detectable) / se;
  const p = pnorm(z);
  return { d33: detectable, se, z, p, tooSmall: p < 0.05 };
}

export type ReplicationLabel =
  | 'signal – consistent'
  | 'signal – inconsistent (smaller)'
  | 'signal – inconsistent (larger)'
  | 'signal – inconsistent (opposite)'
  | 'no signal – consistent'
  | 'no signal – inconsistent';

export interface ReplicationOutcome {
  /** The replication CI excludes 0. */
  signal: boolean;
  /** The replication CI includes the original effect. */
  consistent: boolean;
  /** Where the CI lies relative to the original when it excludes it (in the original's direction). */
  direction: 'smaller' | 'larger' | 'opposite' | null;
  label: ReplicationLabel;
}

/**
 * The outcome label of LeBel, Vanpaemel, Cheung & Campbell (2019) from the replication's CI
 * relative to 0 and to the original point estimate. Limits on the boundary count as inside.
 */
export function replicationLabel({ original, ci }: { original: number; ci: { low: number; high: number } }): ReplicationOutcome {
  // Mirror everything so the original effect is positive: "smaller" then means closer to 0.
  const sign = original < 0 ? -1 : 1;
  const low = Math.min(ci.low * sign, ci.high * sign);
  const high = Math.max(ci.low * sign, ci.high * sign);
  const target = original * sign;
  const signal = low > 0 || high < 0;
  const consistent = low <= target && target <= high;
  const direction = consistent ? null : high < 0 ? 'opposite' : high < target ? 'smaller' : 'larger';
  const label: ReplicationLabel = signal
    ? consistent
      ? 'signal – consistent'
      : `signal – inconsistent (${direction ?? 'smaller'})`
    : consistent
      ? 'no signal – consistent'
      : 'no signal – inconsistent';
  return { signal, consistent, direction, label };
}
