// Invariants of the random-effects meta-analysis that hold whatever the studies: their order is
// irrelevant, a constant added to every effect moves the estimate and its intervals and nothing
// else, and the REML τ² is where the restricted likelihood's score vanishes (or 0 when it is
// negative there).
import fc from 'fast-check';
import { randomEffectsMeta, type MetaMethod, type MetaStudy, type RandomEffectsMeta } from './meta-analysis';
import { remlStep } from './meta-analysis-tau2';

const close = (a: number | undefined, b: number | undefined, tolerance = 1e-8): boolean =>
  typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= tolerance * (1 + Math.abs(b));

const studies = fc
  .array(fc.record({ yi: fc.double({ min: -3, max: 3, noNaN: true }), vi: fc.double({ min: 0.01, max: 1, noNaN: true }) }), {
    minLength: 2,
    maxLength: 40,
  })
  .map((list): MetaStudy[] => list.map((study, i) => ({ ...study, label: `site ${i}` })));
const method = fc.constantFrom<MetaMethod>('REML', 'DL');

const UNCHANGED = ['tau2', 'tau', 'i2', 'h2', 'q', 'qP', 'se'] as const;
const SHIFTED = ['estimate', 'ciLow', 'ciHigh', 'piLow', 'piHigh'] as const;

function pooledFit(list: readonly MetaStudy[], m: MetaMethod): RandomEffectsMeta {
  const result = randomEffectsMeta(list, { method: m });
  if (!result) throw new Error('no fit');
  return result;
}

/** A seeded Fisher–Yates shuffle (fast-check supplies the seed, so failures replay). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('randomEffectsMeta properties', () => {
  it('permuting the studies changes nothing (each study keeps its weight)', () => {
    fc.assert(
      fc.property(studies, fc.integer(), method, (list, seed, m) => {
        const a = pooledFit(list, m);
        const b = pooledFit(shuffle(list, seed), m);
        expect([...UNCHANGED, ...SHIFTED].filter((figure) => !close(a[figure], b[figure]))).toEqual([]);
        const weightOf = new Map(b.studies.map((study) => [study.label, study.weight]));
        expect(a.studies.every((study) => close(study.weight, weightOf.get(study.label)))).toBe(true);
      }),
    );
  });

  it('adding a constant to every yi shifts the estimate and the intervals by it, and leaves τ², Q, I² unchanged', () => {
    fc.assert(
      fc.property(studies, fc.double({ min: -10, max: 10, noNaN: true }), method, (list, c, m) => {
        const a = pooledFit(list, m);
        const b = pooledFit(
          list.map((study) => ({ ...study, yi: study.yi + c })),
          m,
        );
        expect(UNCHANGED.filter((figure) => !close(a[figure], b[figure], 1e-7))).toEqual([]);
        expect(SHIFTED.filter((figure) => !close(a[figure] + c, b[figure]))).toEqual([]);
        expect(a.studies.every((study, i) => close(study.weight, b.studies[i]?.weight))).toBe(true);
      }),
    );
  });

  it('REML τ² is a stationary point of the restricted likelihood, or 0 where its score is negative', () => {
    fc.assert(
      fc.property(studies, (list) => {
        const { tau2 } = pooledFit(list, 'REML');
        const yi = list.map((study) => study.yi);
        const vi = list.map((study) => study.vi);
        const scale = tau2 + vi.reduce((sum, v) => sum + v, 0) / vi.length;
        if (tau2 === 0) expect(remlStep(yi, vi, 0)).toBeLessThanOrEqual(1e-12 * scale);
        else expect(Math.abs(remlStep(yi, vi, tau2))).toBeLessThanOrEqual(1e-10 * scale);
      }),
    );
  });

  it('weights add to 100 %, the prediction interval contains the CI, DL τ² is 0 exactly when Q ≤ k − 1', () => {
    fc.assert(
      fc.property(studies, method, (list, m) => {
        const result = pooledFit(list, m);
        expect(
          close(
            result.studies.reduce((sum, study) => sum + study.weight, 0),
            100,
            1e-12,
          ),
        ).toBe(true);
        expect(result.piLow <= result.ciLow && result.piHigh >= result.ciHigh).toBe(true);
        expect(result.i2 >= 0 && result.i2 < 100 && result.h2 >= 1).toBe(true);
        if (m === 'DL') expect(result.tau2 === 0).toBe(result.q <= result.qDf);
      }),
    );
  });
});
