import { replicationLabel, smallTelescopesPooled } from '@attune/analysis';
import type { OriginalStatistic } from '../analysis/original-effect.entity';
import { originalD, type ReplicationComparison } from '../analysis/replication';

/**
 * The many-labs version of the replication comparison: the pooled estimate and its CI take the
 * place of one study's g (LeBel et al. 2019 label, given only for a verified original), and the
 * small-telescopes test uses the random-effects SE.
 */
export function comparePooled(
  statistic: OriginalStatistic,
  verified: boolean,
  pooled: { estimate: number; se: number; ciLow: number; ciHigh: number },
): ReplicationComparison {
  const original = originalD(statistic);
  // Signed so the original effect is positive, as in the single-study comparison.
  const direction = original.d < 0 ? -1 : 1;
  const telescopes = smallTelescopesPooled({
    original: { n1: original.n1, n2: original.n2 },
    estimate: pooled.estimate * direction,
    se: pooled.se,
  });
  return {
    originalD: original.d,
    d33: telescopes.d33 * direction,
    smallTelescopes: telescopes,
    outcome: verified ? replicationLabel({ original: original.d, ci: { low: pooled.ciLow, high: pooled.ciHigh } }) : null,
  };
}
