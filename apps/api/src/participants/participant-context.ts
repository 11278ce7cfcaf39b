import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StudiesRepository } from '../studies/studies.repository';
import type { StudyDesign } from '../studies/study-design';
import type { Study } from '../studies/study.entity';
import type { Participant } from '../sessions/participant.entity';
import { ParticipantAuthError } from './participant-auth';
import { ParticipantsRepository } from '../sessions/participants.repository';
import { ProtocolDesigns } from '../sessions/protocol-designs';
import type { StudySession } from '../sessions/session.entity';
import { SessionsRepository } from '../sessions/sessions.repository';

export interface ParticipantContext {
  readonly manager: EntityManager;
  /** Re-read under its row lock: the copy the guard loaded may be stale by now. */
  readonly participant: Participant;
  readonly study: Study;
  /** The participant's session, row-locked, or null while they have no seat. */
  readonly session: StudySession | null;
  /** The design this participant runs (ProtocolDesigns.ofParticipant): use it, never study.design. */
  readonly design: StudyDesign;
}

/**
 * Runs a participant's action in one transaction with a fixed lock order — the participant's row,
 * then their session's — the same order every use case takes, so concurrent actions of two
 * members (or a member and the allocation) queue instead of deadlocking.
 */
@Injectable()
export class ParticipantContexts {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly studies: StudiesRepository,
    private readonly designs: ProtocolDesigns,
  ) {}

  run<T>(participantId: string, work: (context: ParticipantContext) => Promise<T>): Promise<T> {
    return this.sessions.transaction(async (manager) => {
      const participant = await this.participants.lock(participantId, manager);
      if (!participant) throw new ParticipantAuthError('PARTICIPANT_TOKEN_INVALID');
      const study = await this.studies.findStudy(participant.studyId, manager);
      if (!study) throw new ParticipantAuthError('PARTICIPANT_TOKEN_INVALID');
      const session = participant.sessionId ? await this.sessions.lock(participant.sessionId, manager) : null;
      return work({ manager, participant, study, session, design: await this.designs.ofParticipant(study, session, manager) });
    });
  }
}
