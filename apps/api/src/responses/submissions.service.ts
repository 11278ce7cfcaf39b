import { Injectable } from '@nestjs/common';
import type { Sql } from '../common/database/sql';
import { AuditRepository } from '../audit/audit.repository';
import type { Participant } from '../sessions/participant.entity';
import { SessionFlow } from '../sessions/session-flow';
import { scoreSubmission } from './answer-rules';
import { checkResultsFor } from './check-scoring';
import { PhaseAccess, requireConsent } from './phase-access';
import type { SubmissionClaim } from './phase-submissions.repository';
import type { Phase } from './response.entity';
import { ResponseError } from './responses.errors';
import { type FinalResponse, ResponsesRepository } from './responses.repository';
import { SubmissionGate } from './submission-gate';

export interface SubmissionReceipt {
  readonly phase: Phase;
  readonly submittedAt: string;
}

const SUBMITTED_STATUS = 201;

/** The stored response body of a done submission (written by `store` below), read back for a replay. */
function receiptOf(body: Record<string, unknown>, phase: Phase): SubmissionReceipt {
  const submittedAt = body['submittedAt'];
  if (body['phase'] !== phase || typeof submittedAt !== 'string') throw new Error('stored submission response has an unexpected shape');
  return { phase, submittedAt };
}

/** The final, once-only submission of a phase: raw answers, scores and versions in one transaction. */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly gate: SubmissionGate,
    private readonly access: PhaseAccess,
    private readonly responses: ResponsesRepository,
    private readonly sessionFlow: SessionFlow,
    private readonly audit: AuditRepository,
  ) {}

  async submit(participant: Participant, phase: Phase, idempotencyKey: string | undefined, answers: unknown): Promise<SubmissionReceipt> {
    requireConsent(participant);
    const entry = await this.gate.enter(participant.id, phase, idempotencyKey, { answers });
    // Only successful submissions are stored, so a replay is always the first 201 and its body.
    if (entry.kind === 'replay') return receiptOf(entry.body, phase);
    try {
      return await this.responses.transaction((sql) => this.store(sql, participant, phase, answers, entry.claim));
    } catch (error) {
      await this.gate.release(entry.claim);
      throw error;
    }
  }

  private async store(
    sql: Sql,
    participant: Participant,
    phase: Phase,
    answers: unknown,
    claim: SubmissionClaim,
  ): Promise<SubmissionReceipt> {
    const { owner, instruments, facts } = await this.access.open(participant, phase, sql);
    const final: FinalResponse[] = scoreSubmission(instruments, answers).map((scored) => ({
      instrumentId: scored.instrument.id,
      instrumentVersion: scored.instrument.version,
      answers: scored.answers,
      scores: scored.scores,
      checkResults: checkResultsFor(scored.instrument, scored.answers, facts),
    }));
    const submittedAt = new Date();
    const receipt: SubmissionReceipt = { phase, submittedAt: submittedAt.toISOString() };
    await this.gate.complete(claim, SUBMITTED_STATUS, { ...receipt }, submittedAt, sql);
    // Fewer rows than instruments means some were already frozen: never overwrite a submission.
    if ((await this.responses.storeFinalResponses(owner, final, submittedAt, sql)) !== final.length)
      throw new ResponseError('PHASE_SUBMITTED');
    await this.audit.participant(
      'response.submitted',
      {
        participant: { id: participant.id, studyId: owner.studyId },
        data: { phase, instruments: final.map((response) => ({ id: response.instrumentId, version: response.instrumentVersion })) },
      },
      sql,
    );
    await this.sessionFlow.onPhaseSubmitted(sql, participant, phase);
    return receipt;
  }
}
