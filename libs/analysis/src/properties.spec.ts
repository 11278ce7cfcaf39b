// Invariants that hold whatever the data: the order of sessions is irrelevant, a constant added
// to every score moves means and nothing else, and swapping groups mirrors an effect size.
import fc from 'fast-check';
import { descriptives } from './descriptives';
import { hedgesG, welchT } from './effect-sizes';
import { factorialModel, type FactorialModel, type FactorSpec, type ModelRow } from './factorial-model';
import { icc1 } from './icc';
import { powerTwoSample, sampleSizePerGroup } from './power';

const close = (a: number | null | undefined, b: number | null | undefined, tolerance = 1e-8): boolean =>
  a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= tolerance * (1 + Math.abs(b)));

const score = fc.double({ min: -10, max: 10, noNaN: true });

/** A 1- or 2-factor design (2–3 levels) with 2–5 sessions in every cell. */
const design = fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 1, maxLength: 2 }).chain((levelCounts) => {
  const factors: FactorSpec[] = levelCounts.map((count, f) => ({ id: `f${f}`, levels: Array.from({ length: count }, (_, l) => `l${l}`) }));
  let cells: Record<string, string>[] = [{}];
  for (const factor of factors) cells = factor.levels.flatMap((level) => cells.map((cell) => ({ ...cell, [factor.id]: level })));
  const rows = fc.tuple(
    ...cells.map((levels) => fc.array(score, { minLength: 2, maxLength: 5 }).map((ys) => ys.map((y): ModelRow => ({ y, levels })))),
  );
  return rows.map((perCell) => ({ factors, rows: perCell.flat() }));
});

function sameModel(a: FactorialModel, b: FactorialModel, shift = 0): boolean {
  return (
    a.anova.every(
      (row, i) =>
        (row.term === '(Intercept)' || close(row.ss, b.anova[i]?.ss)) && (row.term === '(Intercept)' || close(row.p, b.anova[i]?.p)),
    ) &&
    close(a.residual.ss, b.residual.ss) &&
    a.cells.every((cell, i) => close(cell.estimate + shift, b.cells[i]?.estimate) && close(cell.se, b.cells[i]?.se)) &&
    a.marginal.every((m, i) => close(m.estimate + shift, b.marginal[i]?.estimate))
  );
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

const nonDegenerate = (rows: readonly ModelRow[], factors: readonly FactorSpec[]): boolean =>
  factorialModel({ rows, factors }).residual.ss > 1e-6;

describe('properties', () => {
  it('permuting sessions changes nothing', () => {
    fc.assert(
      fc.property(design, fc.integer(), ({ factors, rows }, seed) => {
        fc.pre(nonDegenerate(rows, factors));
        const shuffled = shuffle(rows, seed);
        expect(sameModel(factorialModel({ rows, factors }), factorialModel({ rows: shuffled, factors }))).toBe(true);
        const ys = rows.map((r) => r.y);
        expect(close(descriptives(ys).sd, descriptives([...ys].reverse()).sd)).toBe(true);
        const groups = [ys.slice(0, 2), ys.slice(2)].map((g) => g.filter((y): y is number => y !== null));
        expect(close(icc1(groups)?.icc, icc1([...groups].reverse())?.icc)).toBe(true);
      }),
    );
  });

  it('adding a constant shifts means only', () => {
    fc.assert(
      fc.property(design, fc.double({ min: -50, max: 50, noNaN: true }), ({ factors, rows }, c) => {
        fc.pre(nonDegenerate(rows, factors));
        const shifted = rows.map((row) => ({ ...row, y: (row.y ?? 0) + c }));
        expect(sameModel(factorialModel({ rows, factors }), factorialModel({ rows: shifted, factors }), c)).toBe(true);
        const before = descriptives(rows.map((r) => r.y));
        const after = descriptives(shifted.map((r) => r.y));
        expect([
          close((before.mean ?? 0) + c, after.mean, 1e-9),
          close(before.sd, after.sd, 1e-6),
          close((before.median ?? 0) + c, after.median, 1e-9),
        ]).toEqual([true, true, true]);
      }),
    );
  });

  it('swapping the groups mirrors g, its CI and Welch t', () => {
    const group = fc.array(score, { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(group, group, (a, b) => {
        const ab = hedgesG(a, b);
        const ba = hedgesG(b, a);
        fc.pre(ab !== null && Math.abs(ab.d) < 20);
        expect([
          close(ab?.g, -(ba?.g ?? 0)),
          close(ab?.ciLow, -(ba?.ciHigh ?? 0), 1e-7),
          close(welchT(a, b)?.t, -(welchT(b, a)?.t ?? 0)),
        ]).toEqual([true, true, true]);
      }),
    );
  });

  it('the planned n per group is the smallest with the requested power', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.15, max: 2, noNaN: true }),
        fc.constantFrom(0.01, 0.05, 0.1),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        (d, alpha, power) => {
          const { perGroup } = sampleSizePerGroup({ d, alpha, power });
          expect(powerTwoSample({ n1: perGroup, n2: perGroup, d, alpha })).toBeGreaterThanOrEqual(power - 1e-12);
          if (perGroup > 3) expect(powerTwoSample({ n1: perGroup - 1, n2: perGroup - 1, d, alpha })).toBeLessThan(power);
        },
      ),
      { numRuns: 40 },
    );
  });
});
