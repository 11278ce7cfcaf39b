import { newCode } from '../studies/studies.service';
import { isUniqueViolation } from './sessions.repository';

const SESSION_CODE_LENGTH = 6;
const ATTEMPTS = 3;

/** Six unambiguous characters a participant can type in the lab; unique across studies (UNIQUE index). */
export function newSessionCode(): string {
  return newCode(SESSION_CODE_LENGTH);
}

/**
 * Runs a transaction that inserts sessions with fresh codes, and runs it again when a code
 * collided with an existing one (31^6 codes make that rare, never impossible).
 */
export async function retryOnCodeCollision<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isUniqueViolation(error)) throw error;
    }
  }
}
