import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { StudyAccess } from '../studies/study-access';
import type { Study } from '../studies/study.entity';
import { type SessionDetail, ResearcherSessionsService } from './researcher-sessions.service';
import type { StudySession } from './session.entity';
import { type Actor, SessionTransitions } from './session-transitions';
import { SessionError } from './sessions.errors';
import { SessionsRepository } from './sessions.repository';

export interface ControlContext {
  readonly manager: EntityManager;
  readonly study: Study;
  readonly session: StudySession;
  readonly actor: Actor;
}

/** What the research assistant does to a running session: start or end the conversation, record dropout, abandon. */
@Injectable()
export class SessionControlService {
  constructor(
    private readonly access: StudyAccess,
    private readonly sessions: SessionsRepository,
    private readonly transitions: SessionTransitions,
    private readonly details: ResearcherSessionsService,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * The lab console's start button: the research assistant starts the shared timer once the room
   * is set and the phones are away. The phones show no timer; they move on when it is over.
   */
  startConversation(principal: Principal, studyId: string, sessionId: string): Promise<SessionDetail> {
    return this.control(principal, studyId, sessionId, async ({ manager, session, actor }) => {
      if (!(await this.sessions.startConversation(session.id, manager))) {
        throw new SessionError('ILLEGAL_TRANSITION', {
          detail:
            session.status === 'conversation'
              ? 'the conversation has already started'
              : `a ${session.status} session has no conversation to start`,
        });
      }
      await this.audit.study('session.conversation_started', { studyId, by: actor, subject: ['session', session.id] }, manager);
    });
  }

  /** Ends the conversation now (the console's end button, or early) and releases the post-survey to every seat at once. */
  endConversation(principal: Principal, studyId: string, sessionId: string): Promise<SessionDetail> {
    return this.control(principal, studyId, sessionId, async ({ manager, session, actor }) => {
      await this.transitions.move(manager, session, 'post_survey', actor, { endConversationNow: true });
    });
  }

  /** The reason stays on the session (never in the audit data, which holds codes only). */
  recordDropout(principal: Principal, studyId: string, sessionId: string, reason: string): Promise<SessionDetail> {
    return this.control(principal, studyId, sessionId, async ({ manager, session, actor }) => {
      if (session.conditionId === null)
        throw new SessionError('NOT_ALLOCATED', { detail: 'before allocation a participant who leaves simply frees the seat' });
      await this.sessions.update(session.id, { incomplete: true, dropoutReason: reason }, manager);
      await this.audit.study(
        'session.dropout_recorded',
        { studyId, by: actor, subject: ['session', session.id], data: { status: session.status } },
        manager,
      );
    });
  }

  /** From any state but complete; an allocated session keeps its condition and is analysed as randomised. */
  abandon(principal: Principal, studyId: string, sessionId: string, reason: string): Promise<SessionDetail> {
    return this.control(principal, studyId, sessionId, async ({ manager, session, actor }) => {
      const from = session.status;
      await this.transitions.move(manager, session, 'abandoned', actor, { abandonReason: reason });
      await this.audit.study(
        'session.abandoned',
        { studyId, by: actor, subject: ['session', session.id], data: { from, allocated: session.conditionId !== null } },
        manager,
      );
    });
  }

  /**
   * Runs `work` on the study's session, locked, for a researcher (another study's or another site's
   * session is 404), and returns its detail afterwards. The allocation routes build on it too.
   */
  async control(
    principal: Principal,
    studyId: string,
    sessionId: string,
    work: (context: ControlContext) => Promise<void>,
  ): Promise<SessionDetail> {
    const { study, siteId } = await this.access.require(principal, studyId, 'researcher');
    return this.sessions.transaction(async (manager) => {
      const session = await this.sessions.lock(sessionId, manager);
      // Another site's session is hidden from a site-limited researcher, like another study's.
      if (!session || session.studyId !== studyId || (siteId !== null && session.siteId !== siteId))
        throw new SessionError('SESSION_NOT_FOUND');
      await work({ manager, study, session, actor: { actorType: 'user', actorId: principal.userId } });
      return this.details.detail((await this.sessions.findById(session.id, manager)) ?? session, manager);
    });
  }
}
