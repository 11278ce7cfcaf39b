import { Inject, Injectable } from '@nestjs/common';
import type { Sql } from '../common/database/sql';
import { RateLimiter } from '../common/rate-limit/rate-limiter';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { checkIdempotencyKey, decideOnExisting, requestHash, STALE_CLAIM_SECONDS } from './idempotency';
import { PhaseSubmissionsRepository, type SubmissionClaim } from './phase-submissions.repository';
import type { Phase } from './response.entity';
import { ResponseError } from './responses.errors';

export type GateResult =
  | { readonly kind: 'claimed'; readonly claim: SubmissionClaim }
  | { readonly kind: 'replay'; readonly status: number; readonly body: Record<string, unknown> };

// A claim can vanish between our INSERT and SELECT (its owner failed validation and released it);
// a few attempts settle that race, and anything stranger is reported as still in progress.
const CLAIM_ATTEMPTS = 3;

/**
 * Rate limit and Idempotency-Key for the final submit. The phase_submission primary key
 * (participant, phase) is what makes a second submission impossible; this class only decides what
 * a request that meets an existing row gets back.
 */
@Injectable()
export class SubmissionGate {
  constructor(
    private readonly submissions: PhaseSubmissionsRepository,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enter(participantId: string, phase: Phase, key: string | undefined, body: unknown): Promise<GateResult> {
    const idempotencyKey = checkIdempotencyKey(key);
    await this.limiter.consume(`submit:${participantId}`, this.config.submitRateLimit);
    const hash = requestHash(body);
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
      const claimedAt = await this.submissions.insertClaim(participantId, phase, idempotencyKey, hash);
      if (claimedAt !== null) return { kind: 'claimed', claim: { participantId, phase, idempotencyKey, claimedAt } };
      const stored = await this.submissions.find(participantId, phase, STALE_CLAIM_SECONDS);
      if (!stored) continue;
      const decision = decideOnExisting(stored, idempotencyKey, hash);
      if (decision.kind === 'replay') return decision;
      if (decision.kind === 'reject') throw new ResponseError(decision.code);
      const takenAt = await this.submissions.takeOverStale(participantId, phase, idempotencyKey, hash, STALE_CLAIM_SECONDS);
      if (takenAt !== null) return { kind: 'claimed', claim: { participantId, phase, idempotencyKey, claimedAt: takenAt } };
    }
    throw new ResponseError('SUBMISSION_IN_PROGRESS');
  }

  /** Inside the submit transaction: the claim becomes the stored response, or the claim was lost. */
  async complete(claim: SubmissionClaim, status: number, body: Record<string, unknown>, at: Date, sql: Sql): Promise<void> {
    if (!(await this.submissions.complete(claim, status, body, at, sql))) throw new ResponseError('SUBMISSION_IN_PROGRESS');
  }

  /**
   * After a failed attempt (validation, phase closed, database error) nothing was committed, so the
   * claim is dropped and the participant can fix the answers and submit again at once. The DELETE
   * only matches this request's own in_progress row; if the release itself fails, the claim turns
   * stale after STALE_CLAIM_SECONDS and a retry takes it over.
   */
  async release(claim: SubmissionClaim): Promise<void> {
    try {
      await this.submissions.release(claim);
    } catch {
      // The original failure is what the client needs to see.
    }
  }
}
