import type { Instrument } from '@attune/survey';
import { Injectable } from '@nestjs/common';
import type { Sql } from '../common/database/sql';
import type { Participant } from '../sessions/participant.entity';
import { ParticipantsRepository } from '../sessions/participants.repository';
import { SessionFlow } from '../sessions/session-flow';
import { type ConditionFacts, conditionFacts } from './check-scoring';
import { phaseInstruments, SURVEY_STATE } from './phase-instruments';
import type { Phase } from './response.entity';
import { ResponseError } from './responses.errors';
import { type ResponseOwner, ResponsesRepository } from './responses.repository';

export interface ConsentedParticipant {
  readonly participantId: string;
  readonly studyId: string;
  readonly sessionId: string;
  readonly consentHash: string;
}

/** Answers exist only under a recorded consent (its hash goes onto every response row) and in a session. */
export function requireConsent(participant: Participant): ConsentedParticipant {
  if (participant.status !== 'consented' || !participant.consentHash) throw new ResponseError('CONSENT_REQUIRED');
  if (!participant.sessionId) throw new ResponseError('PHASE_NOT_OPEN', { detail: 'you have no session yet' });
  if (participant.leftAt !== null) throw new ResponseError('PHASE_NOT_OPEN', { detail: 'you have left this session' });
  return {
    participantId: participant.id,
    studyId: participant.studyId,
    sessionId: participant.sessionId,
    consentHash: participant.consentHash,
  };
}

export interface OpenPhase {
  readonly owner: ResponseOwner;
  readonly instruments: readonly Instrument[];
  /** The session's condition as its checks need it. */
  readonly facts: ConditionFacts;
}

/** Decides whether a phase can take answers now, and which instruments it has. */
@Injectable()
export class PhaseAccess {
  constructor(
    private readonly responses: ResponsesRepository,
    private readonly participants: ParticipantsRepository,
    private readonly sessionFlow: SessionFlow,
  ) {}

  /**
   * The phase is open while the session is in its survey step. Inside the submit transaction
   * (`sql`) the participant row and then the session row are locked, in the sessions feature's
   * lock order, so neither consent nor the step can change until the submission commits.
   */
  async open(participant: Participant, phase: Phase, sql?: Sql): Promise<OpenPhase> {
    const current = sql ? await this.participants.lock(participant.id, sql) : participant;
    if (!current) throw new ResponseError('PHASE_NOT_OPEN', { detail: 'you are no longer part of this study' });
    const consented = requireConsent(current);
    const context = await this.responses.findSessionContext(consented.sessionId, { lock: sql !== undefined }, sql);
    if (!context) throw new ResponseError('PHASE_NOT_OPEN', { detail: 'your session no longer exists' });
    const wanted = SURVEY_STATE[phase];
    // refresh() only moves a timed-out conversation on to post_survey, which can open a phase but
    // never close one: when the phase is already open its round trip is skipped (hot path).
    const status = context.status === wanted ? wanted : await this.sessionFlow.refresh(consented.sessionId, sql);
    if (status !== wanted) {
      if (await this.participants.hasSubmitted(consented.participantId, phase)) throw new ResponseError('PHASE_SUBMITTED');
      throw new ResponseError('PHASE_NOT_OPEN', { detail: `the session is in step ${status}` });
    }
    const { consentHash, participantId, sessionId, studyId } = consented;
    return {
      owner: { studyId, sessionId, participantId, phase, protocolVersion: context.protocolVersion, consentHash },
      instruments: phaseInstruments(context.instruments, phase),
      facts: conditionFacts(context.factors, context.conditionId),
    };
  }

  /** The phase's instruments whatever the session step (for resuming); none before a session exists. */
  async instruments(participant: Participant, phase: Phase): Promise<Instrument[]> {
    if (!participant.sessionId) return [];
    const context = await this.responses.findSessionContext(participant.sessionId);
    return context ? phaseInstruments(context.instruments, phase) : [];
  }
}
