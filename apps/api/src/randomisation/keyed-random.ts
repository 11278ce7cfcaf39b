import { createHash, createHmac } from 'node:crypto';

/**
 * A keyed, deterministic random stream: HMAC-SHA-256 in counter mode.
 *
 * Why not a seeded PRNG such as mulberry32: the seed is published at launch only as a commitment
 * and revealed at close, so until then nobody (including a researcher who can read the code and the
 * first allocations) may predict the next allocation. A keyed PRF gives exactly that, and anyone can
 * re-derive the stream with any HMAC implementation once the seed is revealed.
 *
 * Wire format, frozen forever (published seeds must regenerate the same sequence; changing any byte
 * here changes every sequence). Block `counter` of the stream for label parts p1..pk is
 *
 *   HMAC-SHA-256(key = seed bytes,
 *                msg = ASCII "attune.keyed-random.v1"
 *                      || for each part: uint32be(byte length of utf8(part)) || utf8(part)
 *                      || uint64be(counter))
 *
 * and each 32-byte digest yields eight uint32 values, big-endian, in order. Length-prefixing the
 * parts makes the encoding injective, so ('a','bc') and ('ab','c') are different streams.
 */
export const KEYED_RANDOM_DOMAIN = 'attune.keyed-random.v1';

export const SEED_BYTES = 32;

const UINT32_RANGE = 2 ** 32;
const WORDS_PER_DIGEST = 8;

export interface RandomSource {
  /** A uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniform integer in [0, n), without modulo bias; n is an integer in [1, 2^32]. */
  nextInt(n: number): number;
}

/** Parses a 32-byte seed given as 64 hex digits (either case). Anything else is a programmer error. */
export function parseSeedHex(seedHex: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(seedHex)) {
    throw new Error(`seed must be ${SEED_BYTES} bytes as ${SEED_BYTES * 2} hex digits`);
  }
  return Buffer.from(seedHex, 'hex');
}

/**
 * The value published at launch: SHA-256 of the raw seed bytes, lowercase hex. Plain SHA-256 (no
 * extra framing) so an auditor can check it with `printf %s "$SEED" | xxd -r -p | sha256sum`.
 * A 256-bit random seed cannot be brute-forced from its hash, so no salt is needed.
 */
export function seedCommitment(seedHex: string): string {
  return createHash('sha256').update(parseSeedHex(seedHex)).digest('hex');
}

/** Makes a fresh seed from an injected byte source (node:crypto randomBytes in production). */
export function newSeedHex(randomBytes: (size: number) => Uint8Array): string {
  const bytes = randomBytes(SEED_BYTES);
  if (bytes.length !== SEED_BYTES) throw new Error(`random source returned ${bytes.length} bytes`);
  return Buffer.from(bytes).toString('hex');
}

/** The HMAC message for one counter block; exported so tests pin the documented layout. */
export function streamMessage(label: readonly string[], counter: number): Buffer {
  if (!Number.isSafeInteger(counter) || counter < 0) throw new Error(`bad counter ${counter}`);
  const parts: Buffer[] = [Buffer.from(KEYED_RANDOM_DOMAIN, 'ascii')];
  for (const part of label) {
    const bytes = Buffer.from(part, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length, 0);
    parts.push(length, bytes);
  }
  const counterBytes = Buffer.alloc(8);
  counterBytes.writeUInt32BE(Math.floor(counter / UINT32_RANGE), 0);
  counterBytes.writeUInt32BE(counter % UINT32_RANGE, 4);
  parts.push(counterBytes);
  return Buffer.concat(parts);
}

/**
 * An unbiased integer in [0, n) from a uint32 source, by rejection: values at or above the largest
 * multiple of n below 2^32 are discarded, so every residue is equally likely. The expected number
 * of draws is below 2 for any n, and almost exactly 1 for the small n used here.
 */
export function uniformInt(nextUint32: () => number, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > UINT32_RANGE) {
    throw new Error(`nextInt bound must be an integer in [1, 2^32], got ${n}`);
  }
  const limit = UINT32_RANGE - (UINT32_RANGE % n);
  for (;;) {
    const value = nextUint32();
    if (value < limit) return value % n;
  }
}

/** A stream keyed by the seed and separated by label (purpose, stratum, block...). */
export function keyedRandom(seed: Uint8Array, label: readonly string[]): RandomSource {
  if (seed.length !== SEED_BYTES) throw new Error(`seed must be ${SEED_BYTES} bytes`);
  const key = Buffer.from(seed);
  const frozenLabel = [...label];
  let counter = 0;
  let digest = Buffer.alloc(0);
  let word = WORDS_PER_DIGEST;

  const nextUint32 = (): number => {
    if (word === WORDS_PER_DIGEST) {
      digest = createHmac('sha256', key).update(streamMessage(frozenLabel, counter)).digest();
      counter += 1;
      word = 0;
    }
    const value = digest.readUInt32BE(word * 4);
    word += 1;
    return value;
  };
  return { nextUint32, nextInt: (n) => uniformInt(nextUint32, n) };
}
