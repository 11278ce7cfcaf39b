import { scaleBounds, scoreAnswers, requiredAnswerCount } from './score-answers';
import { reverseScore } from './item-rules';
import { sampler, samplerAnswers } from './test-support/sampler';
import type { Scale } from './types';

describe('scoreAnswers on the sampler (mood 1–5, calm 1–5 reverse-keyed)', () => {
  // [answers for mood and calm, expected affect (mean, both needed), affect_sum (sum, ≥ 1 of 2)]
  const rows: ReadonlyArray<readonly [string, unknown, unknown, number | null, number | null]> = [
    // calm 2 reversed → (1 + 5) − 2 = 4; mean (4 + 4) / 2 = 4; sum 8
    ['both answered', 4, 2, 4, 8],
    // calm 5 → 1; mean (1 + 1) / 2 = 1; sum 2
    ['lowest possible', 1, 5, 1, 2],
    // calm 1 → 5; mean 5; sum 10
    ['highest possible', 5, 1, 5, 10],
    // only mood 3: mean needs both → null; sum prorated 3 × 2 / 1 = 6
    ['calm missing', 3, null, null, 6],
    // calm 9 is out of range, so counts as unanswered: same as above
    ['calm invalid', 3, 9, null, 6],
    // a string is not a number: unanswered
    ['mood as a string', '3', 4, null, 4],
    // nothing answered: no score
    ['nothing answered', null, null, null, null],
  ];
  it.each(rows)('%s', (_what, mood, calm, affect, affectSum) => {
    expect(scoreAnswers(sampler, { ...samplerAnswers, mood, calm })).toEqual({
      affect,
      affect_sum: affectSum,
    });
  });

  it.each([null, undefined, 'x', [4, 2], 42])('scores %p as all null, without throwing', (answers) => {
    expect(scoreAnswers(sampler, answers)).toEqual({ affect: null, affect_sum: null });
  });

  it('reads the declared bounds of each scale', () => {
    expect(scaleBounds(sampler, 'affect')).toEqual({ min: 1, max: 5 });
    expect(scaleBounds(sampler, 'affect_sum')).toEqual({ min: 2, max: 10 });
    expect(scaleBounds(sampler, 'nope')).toBeUndefined();
  });
});

describe('reverseScore', () => {
  it.each([
    [0, { min: 0, max: 4 }, 4],
    [4, { min: 0, max: 4 }, 0],
    [2, { min: 0, max: 4 }, 2],
    [1, { min: 1, max: 7 }, 7],
    [3, { min: 1, max: 9 }, 7],
    [25, { min: 0, max: 100 }, 75],
  ])('%p on %p → %p', (raw, bounds, expected) => {
    expect(reverseScore(raw, bounds)).toBe(expected);
  });
});

describe('requiredAnswerCount', () => {
  const scaleOf = (count: number, minAnswered: number): Scale => ({
    id: 's',
    label: { en: 'S' },
    method: 'mean',
    minAnswered,
    items: Array.from({ length: count }, (_, index) => `i${index}`),
  });
  it.each([
    [7, 6 / 7, 6],
    [7, 0.857, 6],
    [7, 1, 7],
    [6, 5 / 6, 5],
    [5, 0.8, 4],
    [4, 0.75, 3],
    [2, 0.5, 1],
    [3, 0.01, 1],
    [1, 1, 1],
  ])('%p items at share %p → %p', (count, share, expected) => {
    expect(requiredAnswerCount(scaleOf(count, share))).toBe(expected);
  });
});
