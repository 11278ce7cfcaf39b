import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository, userActor } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { hashSecret, newSecret } from '../common/crypto/tokens';
import { SitesService } from '../sites/sites.service';
import { StudyAccess } from '../studies/study-access';
import { SEAT_SECRET_PREFIX, seatJoinPath } from './join-target';
import type { Participant } from './participant.entity';
import { ParticipantsRepository } from './participants.repository';
import { ProtocolDesigns } from './protocol-designs';
import { type RoomSetup, roomSetup } from './room-setup';
import { isAllocated } from './session-state';
import type { StudySession } from './session.entity';
import { SessionFlow } from './session-flow';
import { SessionError } from './sessions.errors';
import { newSessionCode, retryOnCodeCollision } from './session-code';
import { type SessionListRow, SessionsRepository } from './sessions.repository';

export interface CreatedSession {
  readonly session: StudySession;
  /** Shown once: only the secrets' hashes are stored, so the links cannot be shown again. */
  readonly seats: ReadonlyArray<{ readonly seatNumber: number; readonly joinPath: string }>;
}

/**
 * Analysts read data; they never seat anyone. A lab session's code lets whoever holds it take a free
 * seat, so it goes only to those who run sessions (owners and researchers): null for analysts.
 */
export type JoinCode = string | null;

/** A listed session, with the join code as this caller may see it. */
export interface SessionRow extends SessionListRow {
  readonly joinCode: JoinCode;
}

export interface SessionDetail {
  readonly session: StudySession;
  readonly joinCode: JoinCode;
  readonly members: readonly Participant[];
  readonly serverNow: Date;
  /** For the lab console: the allocated condition's room set-up; null before allocation (concealment). */
  readonly room: RoomSetup | null;
}

/** Lab sessions as the research team sees them: created with one join link per seat, listed, inspected. */
@Injectable()
export class ResearcherSessionsService {
  constructor(
    private readonly access: StudyAccess,
    private readonly sessions: SessionsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly flow: SessionFlow,
    private readonly designs: ProtocolDesigns,
    private readonly audit: AuditRepository,
    private readonly sites: SitesService,
  ) {}

  /** At `siteId`, or the primary site; a site-limited researcher always at their own site. */
  async create(principal: Principal, studyId: string, siteId?: string): Promise<CreatedSession> {
    const grant = await this.access.require(principal, studyId, 'researcher');
    const { study } = grant;
    if (study.status !== 'launched' || study.protocolVersion === null)
      throw new SessionError('STUDY_NOT_RUNNING', { detail: `the study is ${study.status}` });
    const protocolVersion = study.protocolVersion;
    const design = await this.designs.current(study);
    return retryOnCodeCollision(() =>
      this.sessions.transaction(async (manager) => {
        const site = await this.sites.siteForNewSession(grant, siteId, manager);
        const session = await this.sessions.insertSession(
          {
            studyId,
            siteId: site.id,
            mode: 'lab',
            code: newSessionCode(),
            size: design.sessionSize,
            protocolVersion,
            createdBy: principal.userId,
          },
          manager,
        );
        const seats = await this.issueSeatLinks(session, manager);
        await this.audit.study(
          'session.created',
          {
            studyId,
            by: userActor(principal.userId),
            subject: ['session', session.id],
            data: { mode: 'lab', size: session.size, siteId: site.id },
          },
          manager,
        );
        return { session, seats };
      }),
    );
  }

  /** One single-use join link per seat; only the hashes are stored, so the links exist in this answer alone. */
  private async issueSeatLinks(session: StudySession, manager: EntityManager): Promise<CreatedSession['seats']> {
    const secrets = Array.from({ length: session.size }, (_, index) => ({ seatNumber: index + 1, secret: newSecret(SEAT_SECRET_PREFIX) }));
    await this.sessions.insertSeatLinks(
      secrets.map(({ seatNumber, secret }) => ({ sessionId: session.id, seatNumber, secretHash: hashSecret(secret) })),
      manager,
    );
    return secrets.map(({ seatNumber, secret }) => ({ seatNumber, joinPath: seatJoinPath(secret) }));
  }

  /**
   * A new link for a seat whose link was used (by someone who left) or lost; the old link stops
   * working. Only while the session forms and nobody holds the seat.
   */
  async reissueSeatLink(
    principal: Principal,
    studyId: string,
    sessionId: string,
    seatNumber: number,
  ): Promise<{ seatNumber: number; joinPath: string }> {
    const { siteId } = await this.access.require(principal, studyId, 'researcher');
    return this.sessions.transaction(async (manager) => {
      const session = await this.sessions.lock(sessionId, manager);
      if (!session || session.studyId !== studyId || (siteId !== null && session.siteId !== siteId))
        throw new SessionError('SESSION_NOT_FOUND');
      if (session.status !== 'forming') throw new SessionError('SESSION_CLOSED', { detail: `the session is ${session.status}` });
      if ((await this.participants.seated(sessionId, manager)).some((member) => member.seatNumber === seatNumber))
        throw new SessionError('SEAT_TAKEN', { detail: `seat ${seatNumber} is held by a participant` });
      const secret = newSecret(SEAT_SECRET_PREFIX);
      if (!(await this.sessions.replaceSeatLink(sessionId, seatNumber, hashSecret(secret), manager)))
        throw new SessionError('SEAT_NOT_FOUND');
      await this.audit.study(
        'session.seat_link_reissued',
        { studyId, by: userActor(principal.userId), subject: ['session', sessionId], data: { seatNumber } },
        manager,
      );
      return { seatNumber, joinPath: seatJoinPath(secret) };
    });
  }

  async list(principal: Principal, studyId: string): Promise<SessionRow[]> {
    const { siteId, role } = await this.access.require(principal, studyId, 'analyst');
    await this.flow.refreshStudy(studyId);
    const rows = await this.sessions.list(studyId, siteId);
    return rows.map((row) => ({ ...row, joinCode: role === 'analyst' ? null : row.session.code }));
  }

  async get(principal: Principal, studyId: string, sessionId: string): Promise<SessionDetail> {
    const { siteId, role } = await this.access.require(principal, studyId, 'analyst');
    const found = await this.sessions.findInStudy(studyId, sessionId);
    // A site-limited researcher does not see other sites' sessions: 404, as for another study's.
    if (!found || (siteId !== null && found.siteId !== siteId)) throw new SessionError('SESSION_NOT_FOUND');
    await this.flow.refresh(sessionId);
    const session = (await this.sessions.findInStudy(studyId, sessionId)) ?? found;
    const detail = await this.detail(session);
    return role === 'analyst' ? { ...detail, joinCode: null } : detail;
  }

  /** The session as the lab console shows it (also the answer of every console action). */
  async detail(session: StudySession, manager?: EntityManager): Promise<SessionDetail> {
    const allocated = isAllocated(session.status, session.conditionId);
    return {
      session,
      joinCode: session.code,
      members: await this.participants.seated(session.id, manager),
      serverNow: await this.sessions.databaseNow(manager),
      room:
        allocated && session.conditionId !== null ? roomSetup(await this.designs.ofSession(session, manager), session.conditionId) : null,
    };
  }
}
