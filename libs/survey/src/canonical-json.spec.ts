import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { canonicalJson } from './canonical-json';

class Point {
  constructor(readonly x: number) {}
}

describe('canonicalJson: only plain data', () => {
  it.each([
    ['Date', new Date(0), /a Date is not plain JSON data/],
    ['Map', new Map([['a', 1]]), /a Map is not plain JSON data/],
    ['Set', new Set([1]), /a Set is not plain JSON data/],
    ['RegExp', /x/, /a RegExp is not plain JSON data/],
    ['class instance', new Point(1), /a Point is not plain JSON data/],
    ['object with a custom prototype', Object.create({ inherited: 1 }) as object, /is not plain JSON data/],
    ['nested Date', { when: [new Date(0)] }, /a Date is not plain JSON data/],
  ])('rejects a %s with a TypeError naming the type', (_what, value, message) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
    expect(() => canonicalJson(value)).toThrow(message);
  });

  it('accepts null-prototype objects and plain objects from another realm', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 1, a: 2 });
    expect(canonicalJson(bare)).toBe('{"a":2,"b":1}');
    expect(canonicalJson(runInNewContext('({ b: [1], a: { c: "x" } })'))).toBe('{"a":{"c":"x"},"b":[1]}');
  });
});

describe('canonicalJson: strings in NFC', () => {
  const nfc = '\u00e9';
  const nfd = 'e\u0301';

  it('normalises values and keys', () => {
    expect(canonicalJson({ [nfd]: nfd })).toBe(`{"${nfc}":"${nfc}"}`);
    expect(canonicalJson(['Gespr\u0061\u0308ch'])).toBe('["Gespr\u00e4ch"]');
  });

  it('sorts keys after normalising', () => {
    // NFD "é" starts with "e", NFC "é" (U+00E9) sorts after "z".
    expect(canonicalJson({ [nfd]: 1, z: 2 })).toBe(`{"z":2,"${nfc}":1}`);
  });

  it('rejects two keys that normalise to the same text', () => {
    expect(() => canonicalJson({ [nfc]: 1, [nfd]: 2 })).toThrow(/two keys normalise to/);
  });

  it('property: NFC and NFD spellings of the same data serialise identically, in any key order', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'e', 'A', 'ü', 'é', 'ñ', 'Å', 'ǻ', '\u0301', '\u0308', 'ß', ' ') });
    const data = fc.dictionary(text, fc.oneof(text, fc.integer(), fc.array(text, { maxLength: 3 })), { maxKeys: 6 });
    const respell = (value: unknown, form: 'NFC' | 'NFD', reverse: boolean): unknown => {
      if (typeof value === 'string') return value.normalize(form);
      if (Array.isArray(value)) return value.map((element) => respell(element, form, reverse));
      if (typeof value === 'object' && value !== null) {
        const entries = Object.entries(value).map(([key, member]) => [key.normalize(form), respell(member, form, reverse)] as const);
        return Object.fromEntries(reverse ? entries.reverse() : entries);
      }
      return value;
    };
    fc.assert(
      fc.property(data, (value) => {
        const composed = respell(value, 'NFC', false) as Record<string, unknown>;
        // Distinct keys that normalise alike are rejected; this property is about the others.
        fc.pre(Object.keys(composed).length === Object.keys(value).length);
        expect(canonicalJson(respell(value, 'NFD', true))).toBe(canonicalJson(composed));
      }),
    );
  });
});
