import { diamondPoints, forestAxis, type SiteForestRow } from '@/lib/results/site-forest';

const row = (g: number, half: number): SiteForestRow => ({
  label: `g ${g}`,
  external: false,
  g,
  ciLow: g - half,
  ciHigh: g + half,
  weight: 50,
});

describe('sites forest plot axis', () => {
  it('holds every interval, the prediction interval and 0, on round ticks', () => {
    const axis = forestAxis([row(0.4, 0.3), row(-0.2, 0.5)], { estimate: 0.1, ciLow: -0.1, ciHigh: 0.3, piLow: -0.9, piHigh: 1.1 });
    expect(axis.min).toBeLessThanOrEqual(-0.9);
    expect(axis.max).toBeGreaterThanOrEqual(1.1);
    expect(axis.ticks).toContain(0);
    expect(axis.ticks.length).toBeGreaterThanOrEqual(3);
    expect(axis.ticks.length).toBeLessThanOrEqual(8);
  });

  it('includes 0 even when every site lies on one side, and extra marks such as the original effect', () => {
    const axis = forestAxis([row(1.2, 0.2)], null, [1.8]);
    expect(axis.min).toBeLessThanOrEqual(0);
    expect(axis.max).toBeGreaterThanOrEqual(1.8);
  });

  it('the diamond spans the CI and peaks at the estimate', () => {
    expect(diamondPoints({ estimate: 0.5, ciLow: 0.2, ciHigh: 0.8, piLow: 0, piHigh: 1 }, (v) => v * 100, 50, 8)).toBe(
      '20,50 50,42 80,50 50,58',
    );
  });
});
