import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Sql } from '../common/database/sql';
import type { StudyDesign } from '../studies/study-design';
import type { Participant } from './participant.entity';
import { ParticipantsRepository } from './participants.repository';
import { ProtocolDesigns } from './protocol-designs';
import type { SessionStatus, StudySession } from './session.entity';
import { afterDeparture, afterInstructions, afterPhase, phaseOf } from './session-state';
import { type Actor, SessionTransitions, SYSTEM } from './session-transitions';
import { SessionError } from './sessions.errors';
import { SessionsRepository } from './sessions.repository';

function isActive(member: Participant): boolean {
  return member.status === 'consented' && member.leftAt === null;
}

/**
 * The session's gates: everyone confirmed the instructions, everyone submitted a phase, the
 * conversation time is up. Other features (responses) call `refresh` and `onPhaseSubmitted`.
 */
@Injectable()
export class SessionFlow {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly designs: ProtocolDesigns,
    private readonly transitions: SessionTransitions,
  ) {}

  /** Applies time-based transitions (conversation → post_survey when the time is up) and returns the session's current status. */
  async refresh(sessionId: string, sql?: Sql): Promise<SessionStatus> {
    if (!sql) {
      const current = await this.sessions.findById(sessionId);
      if (!current) throw new SessionError('SESSION_NOT_FOUND');
      // Only a conversation changes with time; everything else needs no write.
      if (current.status !== 'conversation') return current.status;
      return this.sessions.transaction((tx) => this.refresh(sessionId, tx));
    }
    await this.expire({ sessionId }, sql);
    const status = await this.sessions.statusOf(sessionId, sql);
    if (!status) throw new SessionError('SESSION_NOT_FOUND');
    return status;
  }

  /** The same for every session of a study (the researcher's list). */
  async refreshStudy(studyId: string): Promise<void> {
    await this.sessions.transaction((tx) => this.expire({ studyId }, tx));
  }

  /**
   * Called inside the responses' submit transaction after `participant`'s `phase` was stored: when
   * every seat of the session has submitted that phase, pre → conversation (conversation_started_at
   * = now(), conversation_seconds = design duration), post → complete. Locks the session row
   * (FOR UPDATE) so two last submissions cannot both miss the transition. Writes audit rows.
   */
  async onPhaseSubmitted(sql: Sql, participant: Participant, phase: 'pre' | 'post'): Promise<void> {
    if (!participant.sessionId) return;
    const session = await this.sessions.lock(participant.sessionId, sql);
    if (!session) return;
    if (phase === 'post' && (await this.expire({ sessionId: session.id }, sql)).length > 0) session.status = 'post_survey';
    if (phaseOf(session.status) !== phase) return;
    // Hot path (every submit): count first, load the design only when the session actually moves on.
    const { active, missing } = await this.participants.countMissingPhase(session.id, phase, sql);
    if (active === 0 || missing > 0) return;
    await this.enter(sql, session, afterPhase(phase), await this.designOf(session, sql), {
      actorType: 'participant',
      actorId: participant.id,
    });
  }

  /**
   * Moves a locked session past its current gate when every active member (consented, not left)
   * has passed it. Also called after a member leaves, whose absence may open the gate.
   */
  async advanceIfReady(manager: EntityManager, session: StudySession, actor: Actor): Promise<void> {
    const phase = phaseOf(session.status);
    if (session.status === 'allocated') {
      const active = (await this.participants.seated(session.id, manager)).filter(isActive);
      if (active.length === 0 || active.some((member) => member.instructionsConfirmedAt === null)) return;
      const design = await this.designOf(session, manager);
      await this.enter(manager, session, afterInstructions(design.instruments.pre.length), design, actor);
    } else if (phase) {
      const { active, missing } = await this.participants.countMissingPhase(session.id, phase, manager);
      if (active === 0 || missing > 0) return;
      await this.enter(manager, session, afterPhase(phase), await this.designOf(session, manager), actor);
    }
  }

  /**
   * A member left after allocation (their row is already marked): ends the session early when the
   * departure rule says so (see afterDeparture), otherwise re-checks the gates, which the leaver no
   * longer holds up. Call with the session row locked.
   */
  async onDeparture(manager: EntityManager, session: StudySession, actor: Actor): Promise<void> {
    if (session.status === 'abandoned' || session.status === 'complete' || session.status === 'ended_early') return;
    const active = (await this.participants.seated(session.id, manager)).filter(isActive);
    if (afterDeparture(session.status, active.length) === 'end_early') {
      await this.transitions.move(manager, session, 'ended_early', actor, {
        endReason: `member_left:${session.status}`,
        ...(session.status === 'conversation' ? { endConversationNow: true } : {}),
      });
      return;
    }
    await this.advanceIfReady(manager, session, actor);
  }

  /**
   * In the lab the research assistant's console starts and keeps the time, once the phones are
   * put away (domain.md §7); online there is no experimenter, so the conversation starts at once.
   */
  private async enter(sql: Sql, session: StudySession, to: SessionStatus, design: StudyDesign, actor: Actor): Promise<void> {
    const fields =
      to === 'conversation'
        ? { conversationSeconds: design.conversation.durationSeconds, startConversationNow: session.mode === 'online' }
        : {};
    await this.transitions.move(sql, session, to, actor, fields);
  }

  private async expire(scope: { sessionId: string } | { studyId: string }, sql: Sql): Promise<string[]> {
    const expired = await this.sessions.expireConversations(scope, sql);
    for (const session of expired) await this.transitions.recordChange(sql, session, 'conversation', 'post_survey', SYSTEM);
    return expired.map((session) => session.id);
  }

  /** A session runs the protocol version it was created under (see ProtocolDesigns). */
  designOf(session: Pick<StudySession, 'id' | 'studyId' | 'protocolVersion'>, sql?: Sql): Promise<StudyDesign> {
    return this.designs.ofSession(session, sql);
  }
}
