import { imbalanceSummary, strataCount } from '@/lib/builder/imbalance';
import type { Design } from '@/lib/builder/types';
import { phoneSeating } from './builder-fixture';

const withRandomisation = (scheme: Design['randomisation']['scheme'], blockMultipliers: number[], extra: Partial<Design> = {}): Design => ({
  ...phoneSeating(),
  stratifyBy: scheme === 'stratified_permuted_blocks' ? ['acquainted'] : [],
  randomisation: { scheme, blockMultipliers },
  ...extra,
});

describe('imbalance bound in words', () => {
  it('permuted blocks of 4 equal conditions, multipliers 1–3: blocks of 4, 8 or 12, at most 3 apart (bound 2.25, as blockBound)', () => {
    const summary = imbalanceSummary(withRandomisation('permuted_blocks', [1, 2, 3]));
    expect(summary.blockSizes).toEqual([4, 8, 12]);
    expect(summary.bound).toBe(2.25);
    expect(summary.sentence).toBe(
      'Blocks of 4, 8 or 12 sessions: any two conditions are at most 3 sessions apart at every point of the study.',
    );
  });

  it('stratified: the bound holds within each stratum, and says how many strata', () => {
    const design = withRandomisation('stratified_permuted_blocks', [1, 2]);
    // acquainted has 2 levels plus "mixed" for dyads whose members disagree.
    expect(strataCount(design)).toBe(3);
    expect(imbalanceSummary(design).sentence).toBe(
      'Blocks of 4 or 8 sessions: any two conditions are at most 2 sessions apart within each of the 3 strata. Pooled over all strata the gap can add up, to at most 3 times that.',
    );
  });

  it('unequal weights: each condition within its bound of its weighted share', () => {
    const design = withRandomisation('permuted_blocks', [2], { conditionWeights: { 'phone=present|seating=face_to_face': 2 } });
    const summary = imbalanceSummary(design);
    // U = 5, M = 2: max(2·2·3/5, 2·1·4/5) = 2.4
    expect(summary.blockSizes).toEqual([10]);
    expect(summary.bound).toBe(2.4);
    expect(summary.sentence).toContain('each condition stays within 2.4 sessions of its weighted share');
  });

  it('complete randomisation has no bound', () => {
    const summary = imbalanceSummary(withRandomisation('complete', [1, 2, 3]));
    expect(summary.bound).toBeNull();
    expect(summary.sentence).toMatch(/no bound/);
  });

  it('a multiplier of one and one block size reads without "or"', () => {
    expect(imbalanceSummary(withRandomisation('permuted_blocks', [1])).sentence).toBe(
      'Blocks of 4 sessions: any two conditions are at most 1 session apart at every point of the study.',
    );
  });
});
