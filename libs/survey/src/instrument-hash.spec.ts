import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { instrumentHash } from './instrument-hash';
import { sampler } from './test-support/sampler';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [3, { d: null, c: 'x' }] }, '{"a":[3,{"c":"x","d":null}],"b":1}'],
    [{ a: undefined, b: true }, '{"b":true}'],
    [[undefined, 1], '[null,1]'],
    ['é"', '"é\\""'],
    [{ ä: 1, z: 2, A: 3 }, '{"A":3,"z":2,"ä":1}'],
  ])('%p → %s', (value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, () => 1, Symbol('s'), 1n])('rejects %p', (value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});

describe('instrumentHash', () => {
  it('is lowercase hex SHA-256 of the canonical JSON', () => {
    // SHA-256 of the empty object "{}", computed independently.
    expect(instrumentHash({} as never)).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    // node:crypto as an independent oracle for @noble/hashes (tests may use Node; the library not).
    const expected = createHash('sha256').update(canonicalJson(sampler), 'utf8').digest('hex');
    expect(instrumentHash(sampler)).toBe(expected);
  });

  it('changes when one word changes', () => {
    const edited = { ...sampler, title: { ...sampler.title, en: 'Sampler!' } };
    expect(instrumentHash(edited)).not.toBe(instrumentHash(sampler));
  });
});
