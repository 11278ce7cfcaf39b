/** LeBel et al. (2019) replication outcomes, in words. */
export const LABELS: Readonly<Record<string, string>> = {
  'signal – consistent': 'Signal, consistent: the replication finds an effect, and its CI includes the original effect.',
  'signal – inconsistent (smaller)': 'Signal, inconsistent: the replication finds an effect, smaller than the original.',
  'signal – inconsistent (larger)': 'Signal, inconsistent: the replication finds an effect, larger than the original.',
  'signal – inconsistent (opposite)': 'Signal, inconsistent: the replication finds an effect in the opposite direction.',
  'no signal – consistent': 'No signal, consistent: the CI includes both 0 and the original effect (not precise enough to tell).',
  'no signal – inconsistent': 'No signal, inconsistent: the CI includes 0 but excludes the original effect.',
};
