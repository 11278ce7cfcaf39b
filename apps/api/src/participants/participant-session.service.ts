import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository';
import type { Participant } from '../sessions/participant.entity';
import { ParticipantContexts } from './participant-context';
import { isWaiting, requireOpen, requireStillIn } from './participant-rules';
import { ParticipantsRepository } from '../sessions/participants.repository';
import type { SessionStatus } from '../sessions/session.entity';
import { SessionFlow } from '../sessions/session-flow';
import { SessionError } from '../sessions/sessions.errors';
import { SessionsRepository } from '../sessions/sessions.repository';
import { WaitingRoom } from './waiting-room';

export interface HeartbeatResult {
  readonly waiting: boolean;
  readonly sessionStatus: SessionStatus | null;
}

/** A seated participant's moves within the session, and the online waiting room's heartbeat. */
@Injectable()
export class ParticipantSessionService {
  constructor(
    private readonly contexts: ParticipantContexts,
    private readonly participants: ParticipantsRepository,
    private readonly sessions: SessionsRepository,
    private readonly flow: SessionFlow,
    private readonly waitingRoom: WaitingRoom,
    private readonly audit: AuditRepository,
  ) {}

  /** The "ready" gate: once every active member has confirmed, the pre-survey (or conversation) starts for all. */
  async confirmInstructions(participantId: string): Promise<void> {
    await this.contexts.run(participantId, async ({ manager, participant, session }) => {
      requireStillIn(participant);
      requireOpen(session);
      if (!session || session.conditionId === null) throw new SessionError('NOT_ALLOCATED');
      if (participant.instructionsConfirmedAt === null) {
        await this.participants.update(participant.id, { instructionsConfirmedAt: new Date() }, manager);
        await this.audit.participant('participant.instructions_confirmed', { participant, data: { sessionId: session.id } }, manager);
      }
      if (session.status === 'allocated')
        await this.flow.advanceIfReady(manager, session, { actorType: 'participant', actorId: participant.id });
    });
  }

  /**
   * Before allocation leaving frees the seat and consumes nothing. After allocation the seat and
   * the condition stay (analysed as randomised), the session is flagged incomplete, and the
   * departure rule decides whether it ends early or goes on (SessionFlow.onDeparture).
   */
  async leave(participantId: string): Promise<void> {
    await this.contexts.run(participantId, async ({ manager, participant, session }) => {
      if (
        participant.status === 'left' ||
        participant.status === 'declined' ||
        session?.status === 'complete' ||
        session?.status === 'ended_early'
      )
        return;
      const allocated = session !== null && session.conditionId !== null;
      const seat = allocated ? {} : { sessionId: null, seatNumber: null };
      await this.participants.update(participant.id, { status: 'left', leftAt: new Date(), ...seat }, manager);
      await this.audit.participant('participant.left', { participant, data: { sessionId: session?.id ?? null, allocated } }, manager);
      if (!session || !allocated) return;
      await this.sessions.update(session.id, { incomplete: true }, manager);
      session.incomplete = true;
      await this.flow.onDeparture(manager, session, { actorType: 'participant', actorId: participant.id });
    });
  }

  /** Marks the participant as present; a waiting one may complete a session with whoever else is fresh. */
  async heartbeat(participant: Participant): Promise<HeartbeatResult> {
    await this.participants.touch(participant.id);
    if (isWaiting(participant)) await this.waitingRoom.tryForm(participant.studyId);
    const fresh = (await this.participants.findById(participant.id)) ?? participant;
    return { waiting: isWaiting(fresh), sessionStatus: fresh.sessionId ? await this.flow.refresh(fresh.sessionId) : null };
  }
}
