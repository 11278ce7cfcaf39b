import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { hashSecret, newSecret } from '../common/crypto/tokens';
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

export interface SessionDetail {
  readonly session: StudySession;
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
  ) {}

  async create(principal: Principal, studyId: string): Promise<CreatedSession> {
    const { study } = await this.access.require(principal, studyId, 'researcher');
    if (study.status !== 'launched' || study.protocolVersion === null) throw new SessionError('STUDY_NOT_RUNNING', { detail: `the study is ${study.status}` });
    const protocolVersion = study.protocolVersion;
    const design = await this.designs.current(study);
    return retryOnCodeCollision(() => this.sessions.transaction(async (manager) => {
      const session = await this.sessions.insertSession({ studyId, mode: 'lab', code: newSessionCode(), size: design.sessionSize, protocolVersion, createdBy: principal.userId }, manager);
      const secrets = Array.from({ length: session.size }, (_, index) => ({ seatNumber: index + 1, secret: newSecret(SEAT_SECRET_PREFIX) }));
      await this.sessions.insertSeatLinks(secrets.map(({ seatNumber, secret }) => ({ sessionId: session.id, seatNumber, secretHash: hashSecret(secret) })), manager);
      await this.audit.append({ actorType: 'user', actorId: principal.userId, action: 'session.created', studyId, subjectType: 'session', subjectId: session.id, data: { mode: 'lab', size: session.size } }, manager);
      return { session, seats: secrets.map(({ seatNumber, secret }) => ({ seatNumber, joinPath: seatJoinPath(secret) })) };
    }));
  }

  /**
   * A new link for a seat whose link was used (by someone who left) or lost; the old link stops
   * working. Only while the session forms and nobody holds the seat.
   */
  async reissueSeatLink(principal: Principal, studyId: string, sessionId: string, seatNumber: number): Promise<{ seatNumber: number; joinPath: string }> {
    await this.access.require(principal, studyId, 'researcher');
    return this.sessions.transaction(async (manager) => {
      const session = await this.sessions.lock(sessionId, manager);
      if (!session || session.studyId !== studyId) throw new SessionError('SESSION_NOT_FOUND');
      if (session.status !== 'forming') throw new SessionError('SESSION_CLOSED', { detail: `the session is ${session.status}` });
      if ((await this.participants.seated(sessionId, manager)).some((member) => member.seatNumber === seatNumber)) throw new SessionError('SEAT_TAKEN', { detail: `seat ${seatNumber} is held by a participant` });
      const secret = newSecret(SEAT_SECRET_PREFIX);
      if (!(await this.sessions.replaceSeatLink(sessionId, seatNumber, hashSecret(secret), manager))) throw new SessionError('SEAT_NOT_FOUND');
      await this.audit.append({ actorType: 'user', actorId: principal.userId, action: 'session.seat_link_reissued', studyId, subjectType: 'session', subjectId: sessionId, data: { seatNumber } }, manager);
      return { seatNumber, joinPath: seatJoinPath(secret) };
    });
  }

  async list(principal: Principal, studyId: string): Promise<SessionListRow[]> {
    await this.access.require(principal, studyId, 'analyst');
    await this.flow.refreshStudy(studyId);
    return this.sessions.list(studyId);
  }

  async get(principal: Principal, studyId: string, sessionId: string): Promise<SessionDetail> {
    await this.access.require(principal, studyId, 'analyst');
    const found = await this.sessions.findInStudy(studyId, sessionId);
    if (!found) throw new SessionError('SESSION_NOT_FOUND');
    await this.flow.refresh(sessionId);
    const session = (await this.sessions.findInStudy(studyId, sessionId)) ?? found;
    return this.detail(session);
  }

  /** The session as the lab console shows it (also the answer of every console action). */
  async detail(session: StudySession, manager?: EntityManager): Promise<SessionDetail> {
    const allocated = isAllocated(session.status, session.conditionId);
    return {
      session,
      members: await this.participants.seated(session.id, manager),
      serverNow: await this.sessions.databaseNow(manager),
      room: allocated && session.conditionId !== null ? roomSetup(await this.designs.ofSession(session, manager), session.conditionId) : null,
    };
  }
}
