import { canonicalJson } from '@attune/survey';
import { sha256Hex } from '../common/crypto/tokens';
import { ResponseError, type ResponseErrorCode } from './responses.errors';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_\-:.]{1,200}$/;

/**
 * An in_progress claim older than this belongs to a request that died (process killed, connection
 * lost) before its transaction committed, so a retry may take it over. The work itself takes
 * milliseconds; 30 s leaves room for a slow database without letting a crash block the phase long.
 */
export const STALE_CLAIM_SECONDS = 30;

/** The header is required on the final submit; its shape is checked so it can be stored and compared safely. */
export function checkIdempotencyKey(key: string | undefined): string {
  if (key === undefined || key === '') throw new ResponseError('IDEMPOTENCY_KEY_REQUIRED');
  if (!IDEMPOTENCY_KEY.test(key)) throw new ResponseError('IDEMPOTENCY_KEY_INVALID');
  return key;
}

/** SHA-256 of the canonical JSON (sorted keys): a re-sent body with its keys reordered is the same request. */
export function requestHash(body: unknown): string {
  return sha256Hex(canonicalJson(body));
}

export interface StoredSubmission {
  readonly idempotencyKey: string;
  readonly requestHash: string;
  readonly state: 'in_progress' | 'done';
  readonly responseStatus: number | null;
  readonly responseBody: Record<string, unknown> | null;
  /** The claim is in_progress and older than STALE_CLAIM_SECONDS. */
  readonly stale: boolean;
}

export type ClaimDecision =
  | { readonly kind: 'replay'; readonly status: number; readonly body: Record<string, unknown> }
  | { readonly kind: 'reject'; readonly code: ResponseErrorCode }
  | { readonly kind: 'take_over' };

/**
 * What to do when the phase already has a submission row (IETF Idempotency-Key draft):
 * same key + same body → the stored first response; same key + another body → 422;
 * the first still in flight → 409; another key once the phase is done → 409 PHASE_SUBMITTED.
 * A stale in_progress claim never committed anything, so any key may take it over.
 */
export function decideOnExisting(stored: StoredSubmission, key: string, hash: string): ClaimDecision {
  const sameKey = stored.idempotencyKey === key;
  if (sameKey && stored.requestHash !== hash) return { kind: 'reject', code: 'IDEMPOTENCY_KEY_REUSED' };
  if (stored.state === 'done') {
    if (!sameKey) return { kind: 'reject', code: 'PHASE_SUBMITTED' };
    return { kind: 'replay', status: stored.responseStatus ?? 201, body: stored.responseBody ?? {} };
  }
  return stored.stale ? { kind: 'take_over' } : { kind: 'reject', code: 'SUBMISSION_IN_PROGRESS' };
}
