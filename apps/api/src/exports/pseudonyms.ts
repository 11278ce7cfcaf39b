import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA-256 of the internal id under PSEUDONYM_SECRET, hex, first 64 bits, with a letter
 * for what it names (p_ participant, s_ session). Stable across exports while the secret is;
 * not reversible without it, which never leaves the API process (COPY reads the pseudonyms
 * from a temporary table, so the secret is not in any SQL text or server log).
 */
export function pseudonym(secret: string, kind: 'p' | 's', id: string): string {
  return `${kind}_${createHmac('sha256', secret).update(id, 'utf8').digest('hex').slice(0, 16)}`;
}
