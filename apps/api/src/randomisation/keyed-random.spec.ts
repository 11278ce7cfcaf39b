import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { keyedRandom, newSeedHex, parseSeedHex, seedCommitment, streamMessage, uniformInt } from './keyed-random';

const SEED_A = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const ZERO_SEED = '00'.repeat(32);
const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 });

function draw(n: number, count: number, label: readonly string[] = ['test']): number[] {
  const random = keyedRandom(parseSeedHex(SEED_A), label);
  return Array.from({ length: count }, () => random.nextInt(n));
}

function chiSquare(counts: readonly number[], expected: number): number {
  return counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
}

describe('parseSeedHex', () => {
  it.each([
    ['empty', ''],
    ['63 digits', 'a'.repeat(63)],
    ['65 digits', 'a'.repeat(65)],
    ['a non-hex digit', `${'a'.repeat(63)}g`],
    ['a 0x prefix', `0x${'a'.repeat(62)}`],
    ['whitespace', ` ${'a'.repeat(63)}`],
  ])('rejects %s', (_name, seed) => {
    expect(() => parseSeedHex(seed)).toThrow(/32 bytes as 64 hex digits/);
  });

  it('reads either case as the same bytes', () => {
    expect(parseSeedHex(SEED_A.toUpperCase())).toEqual(parseSeedHex(SEED_A));
    expect(parseSeedHex(SEED_A)).toHaveLength(32);
  });
});

describe('seedCommitment', () => {
  it('is plain SHA-256 of the seed bytes (checkable with sha256sum)', () => {
    // SHA-256 of 32 zero bytes, a widely published value.
    expect(seedCommitment(ZERO_SEED)).toBe('66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925');
    expect(seedCommitment(SEED_A)).toBe('630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd');
  });

  it('does not reveal the seed and differs between seeds', () => {
    expect(seedCommitment(SEED_A)).not.toContain(SEED_A);
    expect(seedCommitment(SEED_A)).not.toBe(seedCommitment(ZERO_SEED));
  });
});

describe('newSeedHex', () => {
  it('hex-encodes 32 bytes from the injected source', () => {
    expect(newSeedHex((size) => new Uint8Array(size).fill(0xab))).toBe('ab'.repeat(32));
  });

  it('rejects a source that returns the wrong length', () => {
    expect(() => newSeedHex(() => new Uint8Array(16))).toThrow(/16 bytes/);
  });
});

describe('keyedRandom wire format', () => {
  it('matches the documented HMAC layout, so an auditor can re-implement it', () => {
    // "attune.keyed-random.v1" || u32be(2) "ab" || u32be(0) "" || u64be(1)
    const message = Buffer.concat([
      Buffer.from('attune.keyed-random.v1', 'ascii'),
      Buffer.from('00000002', 'hex'),
      Buffer.from('ab', 'utf8'),
      Buffer.from('00000000', 'hex'),
      Buffer.from('0000000000000001', 'hex'),
    ]);
    expect(streamMessage(['ab', ''], 1)).toEqual(message);
    const digests = [0, 1].map((counter) =>
      createHmac('sha256', parseSeedHex(SEED_A))
        .update(streamMessage(['ab', ''], counter))
        .digest(),
    );
    const expected = [0, 1].flatMap((d) => [0, 1, 2, 3, 4, 5, 6, 7].map((w) => digests[d]?.readUInt32BE(w * 4)));
    const random = keyedRandom(parseSeedHex(SEED_A), ['ab', '']);
    expect(Array.from({ length: 16 }, () => random.nextUint32())).toEqual(expected);
    expect(expected[8]).toBe(digests[1]?.readUInt32BE(0));
  });

  it('pins the first words of a stream (changing them breaks published seeds)', () => {
    // Cross-checked with Python: hmac.new(seed, b'attune.keyed-random.v1' + pack('>I', 4) + b'test'
    // + pack('>Q', 0), sha256).digest()[:12] unpacked as '>3I'.
    const random = keyedRandom(parseSeedHex(SEED_A), ['test']);
    expect(Array.from({ length: 3 }, () => random.nextUint32())).toEqual([3712574120, 2614979887, 3919976069]);
  });

  it('encodes counters above 2^32 in both halves', () => {
    expect(
      streamMessage([], 2 ** 32 + 5)
        .subarray(-8)
        .toString('hex'),
    ).toBe('0000000100000005');
    expect(() => streamMessage([], -1)).toThrow(/counter/);
  });
});

describe('keyedRandom streams', () => {
  it('is deterministic for the same seed and label', () => {
    expect(draw(1000, 50)).toEqual(draw(1000, 50));
  });

  it.each([
    ['a different label', ['other']],
    ['a different part split', ['te', 'st']],
    ['an extra empty part', ['test', '']],
  ])('gives an unrelated stream for %s', (_name, label) => {
    expect(draw(2 ** 32, 8, label)).not.toEqual(draw(2 ** 32, 8));
  });

  it('gives unrelated streams for different seeds', () => {
    fc.assert(
      fc.property(seedArb, seedArb, (a, b) => {
        fc.pre(Buffer.compare(a, b) !== 0);
        const first = keyedRandom(a, ['x']).nextUint32();
        const second = keyedRandom(b, ['x']).nextUint32();
        const rest = [keyedRandom(a, ['x']), keyedRandom(b, ['x'])].map((r) => [r.nextUint32(), r.nextUint32()]);
        return first !== second || JSON.stringify(rest[0]) !== JSON.stringify(rest[1]);
      }),
    );
  });

  it('rejects a seed of the wrong length', () => {
    expect(() => keyedRandom(new Uint8Array(31), ['x'])).toThrow(/32 bytes/);
  });
});

describe('nextInt', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 32 + 1])('rejects bound %p', (n) => {
    const random = keyedRandom(parseSeedHex(SEED_A), ['x']);
    expect(() => random.nextInt(n)).toThrow(/integer in \[1, 2\^32\]/);
  });

  it('never returns a value outside [0, n)', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 1, max: 2 ** 32 }), (seed, n) => {
        const random = keyedRandom(seed, ['bound']);
        const values = Array.from({ length: 20 }, () => random.nextInt(n));
        return values.every((v) => Number.isInteger(v) && v >= 0 && v < n);
      }),
    );
  });

  it('returns 0 for n = 1 and accepts n = 2^32', () => {
    expect(draw(1, 20).every((v) => v === 0)).toBe(true);
    expect(draw(2 ** 32, 20).some((v) => v > 2 ** 31)).toBe(true);
  });

  it('rejects draws at or above the largest multiple of n instead of folding them', () => {
    // 2^32 mod 3 = 1, so 2^32 - 1 is the one biased value and must be skipped.
    const values = [2 ** 32 - 1, 2 ** 32 - 2];
    const next = (): number => values.shift() ?? 0;
    expect(uniformInt(next, 3)).toBe((2 ** 32 - 2) % 3);
    expect(values).toHaveLength(0);
  });

  it('is uniform for a small n (chi-square, fixed seed)', () => {
    const counts = [0, 0, 0, 0, 0, 0];
    for (const v of draw(6, 60_000)) counts[v] = (counts[v] ?? 0) + 1;
    // 20.52 is the 0.999 quantile of chi-square with 5 degrees of freedom.
    expect(chiSquare(counts, 10_000)).toBeLessThan(20.52);
  });

  it('is uniform where modulo folding would be badly biased (n = 3 * 2^30)', () => {
    // Without rejection, values >= 3 * 2^30 would fold into the first third, giving it half the mass.
    const thirds = [0, 0, 0];
    for (const v of draw(3 * 2 ** 30, 30_000)) {
      const third = Math.floor(v / 2 ** 30);
      thirds[third] = (thirds[third] ?? 0) + 1;
    }
    // 13.82 is the 0.999 quantile of chi-square with 2 degrees of freedom.
    expect(chiSquare(thirds, 10_000)).toBeLessThan(13.82);
  });
});
