import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { AuditRepository, userActor } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { RateLimiter } from '../common/rate-limit/rate-limiter';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { Participant } from '../sessions/participant.entity';
import { ProtocolDesigns } from '../sessions/protocol-designs';
import { normaliseWithdrawalCode, withdrawalCodeHash } from '../participants/withdrawal-code';
import { StudiesRepository } from '../studies/studies.repository';
import { StudyAccess } from '../studies/study-access';
import type { StudyDesign } from '../studies/study-design';
import { isWithdrawalOpen, withdrawalWindow } from '../studies/withdrawal-window';
import { WithdrawalError } from './withdrawals.errors';
import { WithdrawalsRepository } from './withdrawals.repository';

export const RESEARCHER_WITHDRAWAL_REASONS = ['asked_in_person', 'asked_by_email', 'asked_by_phone', 'ethics_board', 'other'] as const;
export type ResearcherWithdrawalReason = (typeof RESEARCHER_WITHDRAWAL_REASONS)[number];

/** Right and wrong codes take at least this long, so the time to answer tells nothing. */
const CODE_ANSWER_MS = 400;
const FINISHED: readonly string[] = ['complete', 'ended_early', 'abandoned'];

type Actor =
  | { readonly by: 'participant' }
  | { readonly by: 'researcher'; readonly principal: Principal; readonly reason: ResearcherWithdrawalReason };

export interface SeatWithdrawal {
  readonly participantId: string;
  readonly withdrawnAt: Date;
  readonly responsesDeleted: number;
}

/**
 * A participant withdraws consent after taking part: their answers, scores and self-reports are
 * deleted in one transaction; the rows that make the trial record (the seat, its allocation, the
 * session's condition, the consent record) stay, marked withdrawn, and the session is flagged.
 */
@Injectable()
export class WithdrawalsService {
  constructor(
    private readonly repository: WithdrawalsRepository,
    private readonly studies: StudiesRepository,
    private readonly designs: ProtocolDesigns,
    private readonly access: StudyAccess,
    private readonly audit: AuditRepository,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The public withdrawal. A well-formed code that matches nobody gets the same answer, in the
   * same time, as one that matched (and as a second use of a right one), so the endpoint cannot
   * be used to test codes; the rate limit bounds the tries.
   */
  async withdrawByCode(typed: string, clientAddress: string): Promise<void> {
    await this.limiter.consume(`withdraw:ip:${clientAddress}`, this.config.withdrawalRateLimit);
    const code = normaliseWithdrawalCode(typed);
    if (code === null) {
      throw new WithdrawalError('WITHDRAWAL_CODE_MALFORMED', {
        errors: [{ path: 'code', code: 'malformed', message: 'Codes look like ABCD-EFGH-JKMN; one character is wrong or missing' }],
      });
    }
    const started = Date.now();
    try {
      await this.repository.transaction(async (manager) => {
        const participant = await this.repository.findByCode(withdrawalCodeHash(code), manager);
        if (participant && participant.status !== 'withdrawn') await this.withdraw(participant, { by: 'participant' }, manager);
      });
    } finally {
      await sleep(Math.max(0, CODE_ANSWER_MS - (Date.now() - started)));
    }
  }

  /** A researcher records the withdrawal of someone who asked in person, by session code and seat. */
  async withdrawSeat(
    principal: Principal,
    studyId: string,
    seat: { sessionCode: string; seatNumber: number },
    reason: ResearcherWithdrawalReason,
  ): Promise<SeatWithdrawal> {
    const { siteId } = await this.access.require(principal, studyId, 'researcher');
    return this.repository.transaction(async (manager) => {
      const found = await this.repository.findSeat(studyId, seat.sessionCode, seat.seatNumber, manager);
      // A site-limited researcher cannot reach another site's participants: as if the seat did not exist.
      const occupant = found && (siteId === null || found.participant.siteId === siteId) ? found : null;
      if (!occupant)
        throw new WithdrawalError('SEAT_NOT_FOUND', {
          errors: [
            { path: 'seat', code: 'not_found', message: `no participant in seat ${seat.seatNumber} of session ${seat.sessionCode}` },
          ],
        });
      if (!FINISHED.includes(occupant.sessionStatus))
        throw new WithdrawalError('SESSION_IN_PROGRESS', { detail: `session ${seat.sessionCode} is ${occupant.sessionStatus}` });
      if (occupant.participant.status === 'withdrawn') throw new WithdrawalError('ALREADY_WITHDRAWN');
      if (occupant.participant.consentedAt === null) throw new WithdrawalError('NEVER_CONSENTED');
      return this.withdraw(occupant.participant, { by: 'researcher', principal, reason }, manager);
    });
  }

  private async withdraw(participant: Participant, actor: Actor, manager: EntityManager): Promise<SeatWithdrawal> {
    const design = await this.requireOpenWindow(participant, manager);
    const rows = await this.repository.personRows(participant.id, manager);
    const erased = await this.repository.erase(rows, design.stratifyBy, manager);
    await this.audit.participant(
      'participant.withdrawn',
      {
        participant,
        // Unless a researcher records it, the participant withdraws themselves.
        by: actor.by === 'researcher' ? userActor(actor.principal.userId) : undefined,
        data: {
          by: actor.by,
          reason: actor.by === 'researcher' ? actor.reason : 'withdrawal_code',
          participantRows: rows,
          sessionIds: erased.sessionIds,
          responsesDeleted: erased.responses,
        },
      },
      manager,
    );
    return { participantId: participant.id, withdrawnAt: new Date(), responsesDeleted: erased.responses };
  }

  /** The study's current design, once it is sure the withdrawal period is still open. */
  private async requireOpenWindow(participant: Participant, manager: EntityManager): Promise<StudyDesign> {
    const study = await this.studies.findStudy(participant.studyId, manager);
    if (!study) throw new Error(`study of participant ${participant.id} not found`);
    const design = await this.designs.current(study, manager);
    const window = withdrawalWindow(design, study.seedRevealedAt);
    if (!isWithdrawalOpen(window, new Date())) {
      throw new WithdrawalError('WITHDRAWAL_DEADLINE_PASSED', {
        detail: `Withdrawal from this study was possible until ${window.deadline?.toISOString().slice(0, 10)}.`,
      });
    }
    return design;
  }
}
