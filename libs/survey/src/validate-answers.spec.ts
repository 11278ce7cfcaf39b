import { validateAnswers } from './validate-answers';
import { sampler, samplerAnswers } from './test-support/sampler';
import type { ValidationCode } from './types';

const check = (itemId: string, value: unknown) => validateAnswers(sampler, { ...samplerAnswers, [itemId]: value });

describe('validateAnswers', () => {
  it('accepts a complete valid answer set', () => {
    expect(validateAnswers(sampler, samplerAnswers)).toEqual([]);
  });

  // [item, value, expected code or null]: one table covers every kind's rules.
  const rows: ReadonlyArray<readonly [string, unknown, ValidationCode | null]> = [
    ['mood', 1, null],
    ['mood', 5, null],
    ['mood', 0, 'OUT_OF_RANGE'],
    ['mood', 6, 'OUT_OF_RANGE'],
    ['mood', 2.5, 'NOT_AN_INTEGER'],
    ['mood', '3', 'WRONG_TYPE'],
    ['mood', Number.NaN, 'WRONG_TYPE'],
    ['mood', Number.POSITIVE_INFINITY, 'WRONG_TYPE'],
    ['mood', null, 'REQUIRED'],
    ['mood', [3], 'WRONG_TYPE'],
    ['calm', 5, null],
    ['calm', -1, 'OUT_OF_RANGE'],
    ['overlap', 1, null],
    ['overlap', 7, null],
    ['overlap', 8, 'OUT_OF_RANGE'],
    ['overlap', 0, 'OUT_OF_RANGE'],
    ['overlap', 3.5, 'NOT_AN_INTEGER'],
    ['overlap', true, 'WRONG_TYPE'],
    ['warmth', 0, null],
    ['warmth', 100, null],
    ['warmth', 33.3, null],
    ['warmth', 100.01, 'OUT_OF_RANGE'],
    ['warmth', -0.5, 'OUT_OF_RANGE'],
    ['warmth', {}, 'WRONG_TYPE'],
    ['topic', 'casual', null],
    ['topic', 'Casual', 'NOT_AN_OPTION'],
    ['topic', 1, 'WRONG_TYPE'],
    ['topic', '', 'NOT_AN_OPTION'],
    ['topic', undefined, 'REQUIRED'],
    ['devices', [], null],
    ['devices', ['phone', 'watch'], null],
    ['devices', ['phone', 'laptop', 'watch'], 'OUT_OF_RANGE'],
    ['devices', ['tablet'], 'NOT_AN_OPTION'],
    ['devices', ['phone', 'phone'], 'WRONG_TYPE'],
    ['devices', 'phone', 'WRONG_TYPE'],
    ['devices', [1], 'WRONG_TYPE'],
    ['devices', [, 'phone'], 'WRONG_TYPE'],
    ['age', 18, null],
    ['age', 99, null],
    ['age', 17, 'OUT_OF_RANGE'],
    ['age', 34.5, 'NOT_AN_INTEGER'],
    ['hours', 7.25, null],
    ['hours', 24.5, 'OUT_OF_RANGE'],
    ['hours', '7', 'WRONG_TYPE'],
    ['comment', null, null],
    ['comment', '', null],
    ['comment', '0123456789', null],
    ['comment', '0123456789x', 'TOO_LONG'],
    ['comment', '😀😀😀😀😀😀😀😀😀😀', null],
    ['comment', 42, 'WRONG_TYPE'],
    ['attn', 'agree', null],
    ['attn', 'neither', 'NOT_AN_OPTION'],
    ['attn', null, 'REQUIRED'],
    ['phone_seen', 'no', null],
    ['phone_seen', 'maybe', 'NOT_AN_OPTION'],
    ['intro', null, null],
    ['intro', 'read', 'WRONG_TYPE'],
  ];
  it.each(rows)('%s = %p → %p', (itemId, value, code) => {
    expect(check(itemId, value)).toEqual(code === null ? [] : [{ itemId, code }]);
  });

  it('treats a missing key like an explicit null', () => {
    const rest = Object.fromEntries(Object.entries(samplerAnswers).filter(([key]) => key !== 'mood'));
    expect(validateAnswers(sampler, rest)).toEqual([{ itemId: 'mood', code: 'REQUIRED' }]);
  });

  it('reports a blank required text as REQUIRED', () => {
    const required = { ...sampler, items: sampler.items.map((i) => (i.id === 'comment' ? { ...i, required: true } : i)) };
    expect(validateAnswers(required, { ...samplerAnswers, comment: '   ' })).toEqual([{ itemId: 'comment', code: 'REQUIRED' }]);
  });

  it('lists every REQUIRED item of an empty answer set, in item order', () => {
    expect(validateAnswers(sampler, {}).map((issue) => issue.itemId)).toEqual([
      'mood',
      'calm',
      'overlap',
      'warmth',
      'topic',
      'devices',
      'age',
      'hours',
      'attn',
      'phone_seen',
    ]);
  });

  it('partial: skips REQUIRED but still checks every given value', () => {
    expect(validateAnswers(sampler, {}, { partial: true })).toEqual([]);
    expect(validateAnswers(sampler, { mood: 9, topic: null }, { partial: true })).toEqual([{ itemId: 'mood', code: 'OUT_OF_RANGE' }]);
  });

  it('reports keys that are not item ids as UNKNOWN_ITEM, sorted', () => {
    const answers = JSON.parse('{"zeta": 1, "__proto__": 2, "constructor": 3, "mood": 4}') as unknown;
    expect(validateAnswers(sampler, answers, { partial: true })).toEqual([
      { itemId: '__proto__', code: 'UNKNOWN_ITEM' },
      { itemId: 'constructor', code: 'UNKNOWN_ITEM' },
      { itemId: 'zeta', code: 'UNKNOWN_ITEM' },
    ]);
  });

  it.each([null, undefined, 3, 'answers', [], [1, 2], new Date(0), new Map(), () => 1])(
    'answers = %p is one WRONG_TYPE issue',
    (answers) => {
      expect(validateAnswers(sampler, answers)).toEqual([{ itemId: '', code: 'WRONG_TYPE' }]);
    },
  );

  it('never runs getters and survives throwing proxies', () => {
    const withGetter = { ...samplerAnswers };
    Object.defineProperty(withGetter, 'mood', {
      enumerable: true,
      get: () => {
        throw new Error('getter ran');
      },
    });
    expect(validateAnswers(sampler, withGetter)).toEqual([{ itemId: 'mood', code: 'WRONG_TYPE' }]);
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    expect(validateAnswers(sampler, hostile)).toEqual([{ itemId: '', code: 'WRONG_TYPE' }]);
  });

  it('accepts objects with a null prototype', () => {
    const answers = Object.assign(Object.create(null) as object, samplerAnswers);
    expect(validateAnswers(sampler, answers)).toEqual([]);
  });
});
