// Hedges' g (effectsize::hedges_g) and Welch's t (t.test) against R, for every two-level factor of
// the 60 seeded datasets.
import { hedgesG, twoLevelComparisons, welchT } from './effect-sizes';
import { expectAbsolute, expectRelative } from './test-support/close';
import { sessionRows } from './test-support/dataset-inputs';
import { datasetFixtures } from './test-support/fixtures';

const comparisons = datasetFixtures.datasets.flatMap((d) => d.groupComparisons.map((c) => [`${d.id} ${c.factor}`, c] as const));

// effectsize 0.8.3 finds the noncentral-t limits with optim(), which stops up to 1.06e-6 from the
// root (measured over these fixtures); the exact limits (uniroot, tol 1e-14) are met to 1e-9.
const EFFECTSIZE_OPTIM_TOLERANCE = 1.5e-6;

describe('hedgesG against effectsize::hedges_g (noncentral t CI, scaled by J)', () => {
  it.each(comparisons)('dataset %s', (_, c) => {
    const g = hedgesG(c.a, c.b);
    expect(g?.df).toBe(c.hedges.df);
    expectRelative(g?.d, c.hedges.d, 'd');
    expectRelative(g?.g, c.hedges.g, 'g');
    expectRelative(g?.j, c.hedges.J, 'J');
    expectRelative(g?.variance, c.hedges.variance, 'variance');
    expectAbsolute(g?.ciLow, c.hedges.exactCiLow, 'exact ciLow', 1e-9);
    expectAbsolute(g?.ciHigh, c.hedges.exactCiHigh, 'exact ciHigh', 1e-9);
    expectAbsolute(g?.ciLow, c.hedges.ciLow, 'effectsize ciLow', EFFECTSIZE_OPTIM_TOLERANCE);
    expectAbsolute(g?.ciHigh, c.hedges.ciHigh, 'effectsize ciHigh', EFFECTSIZE_OPTIM_TOLERANCE);
  });

  it('is null where J or the pooled SD is undefined', () => {
    expect(hedgesG([1], [2])).toBeNull();
    expect(hedgesG([1, 1], [2, 2])).toBeNull();
    expect(hedgesG([], [1, 2, 3])).toBeNull();
  });
});

describe('welchT against t.test(a, b)', () => {
  it.each(comparisons)('dataset %s', (_, c) => {
    const w = welchT(c.a, c.b);
    for (const key of ['t', 'df', 'meanA', 'meanB', 'difference', 'se'] as const) expectRelative(w?.[key], c.welch[key], key);
    for (const key of ['p', 'ciLow', 'ciHigh'] as const) expectAbsolute(w?.[key], c.welch[key], key);
  });

  it('is null with fewer than two per group or no variance', () => {
    expect(welchT([1], [2, 3])).toBeNull();
    expect(welchT([1, 1], [2, 2])).toBeNull();
  });
});

describe('twoLevelComparisons on session rows', () => {
  it.each(datasetFixtures.datasets.map((d) => [d.id, d] as const))('dataset %s compares every two-level factor', (_, dataset) => {
    const result = twoLevelComparisons(sessionRows(dataset), dataset.factors);
    expect(result.map((r) => r.factor)).toEqual(dataset.groupComparisons.map((c) => c.factor));
    dataset.groupComparisons.forEach((c, i) => {
      expectRelative(result[i]?.hedges?.g, c.hedges.g, `${c.factor} g`);
      expectRelative(result[i]?.welch?.t, c.welch.t, `${c.factor} t`);
    });
  });
});

describe('hedgesG on groups without spread', () => {
  it('still answers when the noncentral t cannot be inverted (found by the symmetry property): the normal interval stands in', () => {
    const a = [0, 0];
    const b = [9.998054213860966, 9.995896698610096];
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const result = hedgesG(x, y);
      expect(result).not.toBeNull();
      expect(Number.isFinite(result?.ciLow) && Number.isFinite(result?.ciHigh)).toBe(true);
      expect((result?.ciLow ?? 0) < (result?.g ?? 0) && (result?.g ?? 0) < (result?.ciHigh ?? 0)).toBe(true);
    }
    expect(hedgesG(a, b)?.g).toBeCloseTo(-(hedgesG(b, a)?.g ?? 0), 9);
  });
});
