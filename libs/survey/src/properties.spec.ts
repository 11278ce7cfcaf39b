import fc from 'fast-check';
import { attentionCheckResults } from './check-results';
import { parseInstrument } from './define-instrument';
import { exportRow } from './export-row';
import { instrumentHash } from './instrument-hash';
import { reverseScore } from './item-rules';
import { listInstruments } from './registry';
import { scaleBounds, scoreAnswers } from './score-answers';
import { answersFor, likertScaleInstrument, reorderKeys, seededRandom, withStringAt, wordingPaths } from './test-support/arbitraries';
import { sampler } from './test-support/sampler';
import type { Instrument, ValidationCode } from './types';
import { validateAnswers } from './validate-answers';

const shipped = listInstruments();
const anyInstrument: fc.Arbitrary<Instrument> = fc.oneof(fc.constantFrom(...shipped, sampler), likertScaleInstrument);
const instrumentAndAnswers = anyInstrument.chain((instrument) => answersFor(instrument).map((answers) => [instrument, answers] as const));
const CODES: readonly ValidationCode[] = [
  'REQUIRED',
  'OUT_OF_RANGE',
  'NOT_AN_OPTION',
  'NOT_AN_INTEGER',
  'TOO_LONG',
  'UNKNOWN_ITEM',
  'WRONG_TYPE',
];

describe('properties', () => {
  it('scores stay within the declared bounds', () => {
    fc.assert(
      fc.property(instrumentAndAnswers, ([instrument, answers]) => {
        const scores = scoreAnswers(instrument, answers);
        for (const scale of instrument.scales) {
          const score = scores[scale.id];
          const bounds = scaleBounds(instrument, scale.id);
          if (score === null || score === undefined) continue;
          expect(bounds).toBeDefined();
          expect(score).toBeGreaterThanOrEqual(bounds?.min ?? Number.NaN);
          expect(score).toBeLessThanOrEqual(bounds?.max ?? Number.NaN);
        }
      }),
    );
  });

  it('reversing twice is the identity (exact for integer points)', () => {
    const integerCase = fc
      .record({ min: fc.integer({ min: -1000, max: 1000 }), width: fc.integer({ min: 1, max: 1000 }) })
      .chain(({ min, width }) => fc.integer({ min, max: min + width }).map((raw) => ({ raw, bounds: { min, max: min + width } })));
    fc.assert(
      fc.property(integerCase, ({ raw, bounds }) => {
        const reversed = reverseScore(raw, bounds);
        expect(reversed).toBeGreaterThanOrEqual(bounds.min);
        expect(reversed).toBeLessThanOrEqual(bounds.max);
        expect(reverseScore(reversed, bounds)).toBe(raw);
      }),
    );
  });

  it('reversing twice returns a slider value to within float rounding', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (raw) => {
        expect(reverseScore(reverseScore(raw, { min: 0, max: 100 }), { min: 0, max: 100 })).toBeCloseTo(raw, 9);
      }),
    );
  });

  it('the order in which answers are given never changes scores, issues or export rows', () => {
    fc.assert(
      fc.property(instrumentAndAnswers, fc.integer(), ([instrument, answers], seed) => {
        const reordered = reorderKeys(answers, seededRandom(seed));
        expect(scoreAnswers(instrument, reordered)).toEqual(scoreAnswers(instrument, answers));
        expect(validateAnswers(instrument, reordered)).toEqual(validateAnswers(instrument, answers));
        expect(exportRow(instrument, reordered)).toEqual(exportRow(instrument, answers));
      }),
    );
  });

  it('any malformed answers yield codes, never an exception', () => {
    const hostileKeys = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'ios', 'mood');
    const malformed = fc.oneof(
      fc.anything({
        withNullPrototype: true,
        withSparseArray: true,
        withBoxedValues: true,
        withMap: true,
        withSet: true,
        withDate: true,
        withTypedArray: true,
        withBigInt: true,
        withObjectString: true,
      }),
      fc.dictionary(fc.oneof(hostileKeys, fc.string()), fc.anything({ withSparseArray: true, withBigInt: true })),
    );
    fc.assert(
      fc.property(fc.constantFrom(...shipped, sampler), malformed, fc.boolean(), (instrument, answers, partial) => {
        const issues = validateAnswers(instrument, answers, { partial });
        for (const issue of issues) expect(CODES).toContain(issue.code);
        // At most one issue per key.
        expect(new Set(issues.map((issue) => issue.itemId)).size).toBe(issues.length);
        expect(() => scoreAnswers(instrument, answers)).not.toThrow();
        expect(() => exportRow(instrument, answers)).not.toThrow();
        expect(() => attentionCheckResults(instrument, answers)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('validation and scoring agree on what counts as an answer', () => {
    fc.assert(
      fc.property(answersFor(sampler), (answers) => {
        const issues = validateAnswers(sampler, answers, { partial: true });
        const ok = (id: string) => answers[id] !== null && answers[id] !== undefined && !issues.some((i) => i.itemId === id);
        // 'affect' is the mean of mood and calm and needs both.
        expect(scoreAnswers(sampler, answers)['affect'] !== null).toBe(ok('mood') && ok('calm'));
      }),
    );
  });

  it('instrumentHash is stable under key reordering', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shipped, sampler), fc.integer(), (instrument, seed) => {
        const reordered = reorderKeys(instrument, seededRandom(seed)) as Instrument;
        expect(instrumentHash(reordered)).toBe(instrumentHash(instrument));
      }),
    );
  });

  it('instrumentHash changes with any wording change', () => {
    const edit = fc.constantFrom(...shipped, sampler).chain((instrument) => {
      const paths = wordingPaths(instrument, instrument.languages);
      return fc.record({
        instrument: fc.constant(instrument),
        path: fc.constantFrom(...paths),
        suffix: fc.string({ minLength: 1, maxLength: 3 }),
      });
    });
    fc.assert(
      fc.property(edit, ({ instrument, path, suffix }) => {
        const original = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], instrument);
        const edited = withStringAt(instrument, path, `${String(original)}${suffix}`) as Instrument;
        expect(instrumentHash(edited)).not.toBe(instrumentHash(instrument));
      }),
    );
  });

  it('every shipped instrument passes defineInstrument, unchanged and with the same hash', () => {
    for (const instrument of shipped) {
      const again = parseInstrument(JSON.parse(JSON.stringify(instrument)));
      expect(again).toEqual(instrument);
      expect(instrumentHash(again)).toBe(instrumentHash(instrument));
    }
  });
});
