import { d33, type HedgesG, replicationLabel, type ReplicationOutcome, smallTelescopes, type SmallTelescopes } from '@attune/analysis';
import type { OriginalStatistic } from './original-effect.entity';

/** The original's d and group sizes; from means and SDs with the pooled SD (Cohen's d). */
export function originalD(statistic: OriginalStatistic): { d: number; n1: number; n2: number } {
  if (statistic.kind === 'd') return { d: statistic.d, n1: statistic.n1, n2: statistic.n2 };
  const { m1, sd1, n1, m2, sd2, n2 } = statistic;
  const pooled = Math.sqrt(((n1 - 1) * sd1 ** 2 + (n2 - 1) * sd2 ** 2) / (n1 + n2 - 2));
  return { d: (m1 - m2) / pooled, n1, n2 };
}

export interface ReplicationComparison {
  readonly originalD: number;
  readonly d33: number;
  /** Simonsohn (2015): is the replication effect significantly smaller than d33? Null without a replication estimate. */
  readonly smallTelescopes: SmallTelescopes | null;
  /** LeBel et al. (2019), from the replication's g CI against 0 and the original d; only for a verified original. */
  readonly outcome: ReplicationOutcome | null;
}

/**
 * Compares the replication's Hedges' g (session scores, noncentral-t CI) with the original: d33 from
 * the original's group sizes, the small-telescopes test of the replication's d against it, and the
 * outcome label, which is given only when a person has verified the original's numbers.
 */
export function compareWithOriginal(statistic: OriginalStatistic, verified: boolean, replication: HedgesG | null): ReplicationComparison {
  const original = originalD(statistic);
  const threshold = d33(original.n1, original.n2);
  // d33 is a size in the original's direction: a negative original (the phone lowers closeness)
  // is tested with the replication's d turned the same way.
  const direction = original.d < 0 ? -1 : 1;
  return {
    originalD: original.d,
    d33: threshold * direction,
    smallTelescopes: replication
      ? smallTelescopes({
          original: { n1: original.n1, n2: original.n2 },
          replication: { d: replication.d * direction, n1: replication.n1, n2: replication.n2 },
        })
      : null,
    outcome:
      replication && verified ? replicationLabel({ original: original.d, ci: { low: replication.ciLow, high: replication.ciHigh } }) : null,
  };
}
