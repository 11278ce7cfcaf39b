import fc from 'fast-check';
import { conditionLevels, conditionsOf, decodePairs, encodePairs, stratumKey, type FactorSpec } from './design';

const phone: FactorSpec = { id: 'phone', levels: [{ id: 'present' }, { id: 'absent' }] };
const seating: FactorSpec = { id: 'seating', levels: [{ id: 'face_to_face' }, { id: 'side_by_side' }] };

const tokenArb = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);

describe('conditionsOf', () => {
  it('lists the cells with the first factor varying slowest, levels in declared order', () => {
    expect(conditionsOf([phone, seating])).toEqual([
      { id: 'phone=present|seating=face_to_face', weight: 1 },
      { id: 'phone=present|seating=side_by_side', weight: 1 },
      { id: 'phone=absent|seating=face_to_face', weight: 1 },
      { id: 'phone=absent|seating=side_by_side', weight: 1 },
    ]);
  });

  it('follows declaration order, not alphabetical order', () => {
    expect(conditionsOf([seating, phone]).map((c) => c.id)[0]).toBe('seating=face_to_face|phone=present');
  });

  it('applies given weights and defaults the rest to 1', () => {
    expect(conditionsOf([phone], { 'phone=absent': 3 })).toEqual([
      { id: 'phone=present', weight: 1 },
      { id: 'phone=absent', weight: 3 },
    ]);
  });

  it('has one cell per combination of levels', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), (sizes) => {
        const factors = sizes.map((size, f) => ({
          id: `f${f}`,
          levels: Array.from({ length: size }, (_, l) => ({ id: `l${l}` })),
        }));
        const ids = conditionsOf(factors).map((c) => c.id);
        return ids.length === sizes.reduce((a, b) => a * b, 1) && new Set(ids).size === ids.length;
      }),
    );
  });

  it.each<[string, FactorSpec[], Record<string, number>, RegExp]>([
    ['no factors', [], {}, /at least one factor/],
    ['a factor without levels', [{ id: 'phone', levels: [] }], {}, /no levels/],
    ['duplicate factors', [phone, phone], {}, /duplicate factor "phone"/],
    ['duplicate levels', [{ id: 'p', levels: [{ id: 'a' }, { id: 'a' }] }], {}, /duplicate level of p "a"/],
    ['a "|" in a level id', [{ id: 'p', levels: [{ id: 'a|b' }] }], {}, /neither '\|' nor '='/],
    ['a "=" in a factor id', [{ id: 'p=q', levels: [{ id: 'a' }] }], {}, /neither '\|' nor '='/],
    ['an empty level id', [{ id: 'p', levels: [{ id: '' }] }], {}, /non-empty/],
    ['a weight for an unknown condition', [phone], { 'phone=maybe': 2 }, /unknown condition "phone=maybe"/],
    ['a zero weight', [phone], { 'phone=absent': 0 }, /positive integer, got 0/],
    ['a fractional weight', [phone], { 'phone=absent': 1.5 }, /positive integer, got 1.5/],
  ])('rejects %s', (_name, factors, weights, message) => {
    expect(() => conditionsOf(factors, weights)).toThrow(message);
  });
});

describe('conditionLevels', () => {
  it('reads the levels back from a condition id', () => {
    const levels = conditionLevels('phone=present|seating=side_by_side');
    expect(levels).toEqual({ phone: 'present', seating: 'side_by_side' });
  });

  it('round-trips every cell of a design', () => {
    for (const { id } of conditionsOf([phone, seating])) {
      expect(encodePairs(Object.entries(conditionLevels(id)))).toBe(id);
    }
  });

  it('keeps a factor named __proto__ as an own property', () => {
    const levels = conditionLevels('__proto__=x');
    expect(Object.hasOwn(levels, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(levels)).toBe(Object.prototype);
  });

  it.each(['phone', 'phone=a=b', 'phone=a|', 'a=1|a=2', '=a'])('rejects malformed id %p', (id) => {
    expect(() => conditionLevels(id)).toThrow();
  });
});

describe('encodePairs / decodePairs', () => {
  it('round-trips any list of distinct well-formed pairs', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(tokenArb, tokenArb), { selector: ([key]) => key }), (pairs) => {
        expect(decodePairs(encodePairs(pairs))).toEqual(pairs);
      }),
    );
  });
});

describe('stratumKey', () => {
  it.each<[Record<string, string>, string]>([
    [{}, ''],
    [{ acquainted: 'strangers' }, 'acquainted=strangers'],
    [{ gender_mix: 'mixed', acquainted: 'strangers' }, 'acquainted=strangers|gender_mix=mixed'],
    // Code-unit order: uppercase sorts before lowercase whatever the locale says.
    [{ b: '1', B: '2', a: '3' }, 'B=2|a=3|b=1'],
  ])('canonicalises %p to %p', (covariates, key) => {
    expect(stratumKey(covariates)).toBe(key);
  });

  it('does not depend on the order the covariates were given in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(tokenArb, tokenArb), { selector: ([key]) => key }), (pairs) => {
        const reversed = [...pairs].reverse();
        expect(stratumKey(Object.fromEntries(pairs))).toBe(stratumKey(Object.fromEntries(reversed)));
      }),
    );
  });

  const ambiguous: Record<string, string>[] = [{ 'a|b': 'x' }, { a: 'x=y' }, { a: '' }];
  it.each(ambiguous)('rejects ambiguous covariates %p', (covariates) => {
    expect(() => stratumKey(covariates)).toThrow(/neither/);
  });
});
