// Power, sample size, d33 and the small-telescopes test against pwr (and pwr's own power function
// solved with a tight uniroot tolerance, since pwr solves to uniroot's default of about 1e-4).
import { designEffect, powerCurve, powerTwoSample, sampleSizePerGroup, sessionPlan } from './power';
import { d33, smallTelescopes, smallTelescopesPooled } from './replication';
import { expectAbsolute, expectRelative } from './test-support/close';
import { distributionFixtures } from './test-support/fixtures';

describe('powerTwoSample against pwr.t2n.test / pwr.t.test', () => {
  it.each(distributionFixtures.power)('n1 = $n1, n2 = $n2, d = $d, alpha = $alpha', (c) => {
    const power = powerTwoSample(c);
    expectAbsolute(power, c.power, 'pwr.t2n.test power', 1e-9);
    if (c.pwrTTest !== null) expectAbsolute(power, c.pwrTTest, 'pwr.t.test power', 1e-9);
  });
});

describe('sampleSizePerGroup against pwr.t.test', () => {
  it.each(distributionFixtures.sampleSize)('d = $d, alpha = $alpha, power = $power', (c) => {
    const size = sampleSizePerGroup(c);
    expectAbsolute(size.n, c.exactN, 'n (exact root of pwr power function)', 1e-6);
    // pwr's own n comes from uniroot(tol ≈ 1.2e-4).
    expectAbsolute(size.n, c.pwrN, 'n (pwr.t.test)', 1e-3);
    expect(size.perGroup).toBe(c.perGroup);
  });

  it('answers 64 dyads per condition for d = 0.5, alpha = .05, power = .8 (GET /api/power)', () => {
    const plan = sessionPlan({ d: 0.5, alpha: 0.05, power: 0.8, icc: 0.3, groupSize: 2 });
    expect(plan).toEqual({
      sessionsPerCondition: 64,
      participantsPerCondition: 128,
      designEffect: 1.3,
      individualLevel: { independentPerCondition: 64, participantsPerCondition: 83, sessionsPerCondition: 42 },
    });
  });

  it('design effect is 1 + (m − 1)·ICC', () => {
    expect(designEffect(2, 0.3)).toBeCloseTo(1.3, 15);
    expect(designEffect(3, 0)).toBe(1);
  });

  it('power curve rises with n and crosses the target at the planned n', () => {
    const curve = powerCurve({ d: 0.5, alpha: 0.05, sessionsPerCondition: [10, 20, 63, 64, 100] });
    expect(curve.map((p) => p.n)).toEqual([10, 20, 63, 64, 100]);
    curve.slice(1).forEach((point, i) => expect(point.power).toBeGreaterThan(curve[i]?.power ?? 1));
    expect(curve[2]?.power).toBeLessThan(0.8);
    expect(curve[3]?.power).toBeGreaterThan(0.8);
  });
});

describe('small telescopes (Simonsohn 2015) against pwr.t2n.test(power = 1/3)', () => {
  it.each(distributionFixtures.d33)('d33 for n1 = $n1, n2 = $n2', (c) => {
    expectRelative(d33(c.n1, c.n2), c.exactD, 'd33 (exact root)', 1e-9);
    expectAbsolute(d33(c.n1, c.n2), c.pwrD, 'd33 (pwr)', 1e-3);
  });

  it.each(distributionFixtures.smallTelescopes)('replication d = $replication.d', (c) => {
    const result = smallTelescopes(c);
    expectRelative(result.d33, c.d33, 'd33');
    expectRelative(result.se, c.se, 'se');
    expectRelative(result.z, c.z, 'z');
    expectAbsolute(result.p, c.p, 'p');
    expect(result.tooSmall).toBe(c.p < 0.05);
  });

  // The pooled test is the same z test with a given SE: fed R's SE for the replication d, it must give R's z and p.
  it.each(distributionFixtures.smallTelescopes)("pooled estimate = $replication.d with R's SE", (c) => {
    const result = smallTelescopesPooled({ original: c.original, estimate: c.replication.d, se: c.se });
    expectRelative(result.z, c.z, 'z');
    expectAbsolute(result.p, c.p, 'p');
    expect(result.tooSmall).toBe(c.p < 0.05);
  });
});
