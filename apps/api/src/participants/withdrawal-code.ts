import { createHmac } from 'node:crypto';
import { hashSecret } from '../common/crypto/tokens';

// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand has no look-alikes.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DATA_LENGTH = 11;
const CONFUSABLE: Readonly<Record<string, string>> = { I: '1', L: '1', O: '0' };

/**
 * Luhn mod 32 over the alphabet: catches every single-character typo and most swaps of
 * neighbours, so a mistyped code is reported as mistyped instead of silently matching nothing.
 */
function checkCharacter(data: string): string {
  let sum = 0;
  for (let i = data.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let value = ALPHABET.indexOf(data[i] ?? '') * (double ? 2 : 1);
    value = Math.floor(value / ALPHABET.length) + (value % ALPHABET.length);
    sum += value;
  }
  return ALPHABET[(ALPHABET.length - (sum % ALPHABET.length)) % ALPHABET.length] ?? '0';
}

function grouped(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * The participant's withdrawal code: 55 bits of HMAC-SHA-256 of their id under PSEUDONYM_SECRET
 * plus a check character, shown as XXXX-XXXX-XXXX. Derived rather than stored, so the completion
 * screen can show it again after a reload while the database keeps only its hash.
 */
export function withdrawalCode(secret: string, participantId: string): string {
  const digest = createHmac('sha256', secret).update(`withdrawal:${participantId}`, 'utf8').digest();
  let data = '';
  for (let i = 0; i < DATA_LENGTH; i += 1) data += ALPHABET[(digest[i] ?? 0) % ALPHABET.length];
  return grouped(data + checkCharacter(data));
}

/** What a person typed, in canonical form (upper case, no separators, look-alikes mapped), or null when it cannot be a code. */
export function normaliseWithdrawalCode(typed: string): string | null {
  const compact = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[ILO]/g, (c) => CONFUSABLE[c] ?? c);
  if (compact.length !== DATA_LENGTH + 1 || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  const data = compact.slice(0, DATA_LENGTH);
  return compact.endsWith(checkCharacter(data)) ? grouped(compact) : null;
}

/** The stored form: a hash, like every other bearer secret. */
export function withdrawalCodeHash(code: string): string {
  return hashSecret(code);
}
