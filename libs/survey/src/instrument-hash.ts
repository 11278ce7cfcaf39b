import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from './canonical-json';
import type { Instrument } from './types';

// In its own module so that a page which only validates never ships the SHA-256 code.

/** Lowercase hex SHA-256 of the instrument's canonical JSON: stable under key reordering. */
export function instrumentHash(instrument: Instrument): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(instrument))));
}
