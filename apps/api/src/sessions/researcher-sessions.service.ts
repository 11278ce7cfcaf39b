import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { hashSecret, newSecret } from '../common/crypto/tokens';
import { StudyAccess } from '../studies/study-access';
import { SEAT_SECRET_PREFIX, seatJoinPath } from './join-target';
import type { Participant } from './participant.entity';
import { ParticipantsRepository } from './participants.repository';
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
}

/** Lab sessions as the research team sees them: created with one join link per seat, listed, inspected. */
@Injectable()
export class ResearcherSessionsService {
  constructor(
    private readonly access: StudyAccess,
    private readonly sessions: SessionsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly flow: SessionFlow,
    private readonly audit: AuditRepository,
  ) {}

  async create(principal: Principal, studyId: string): Promise<CreatedSession> {
    const { study } = await this.access.require(principal, studyId, 'researcher');
    if (study.status !== 'launched' || study.protocolVersion === null) throw new SessionError('STUDY_NOT_RUNNING', { detail: `the study is ${study.status}` });
    const protocolVersion = study.protocolVersion;
    return retryOnCodeCollision(() => this.sessions.transaction(async (manager) => {
      const session = await this.sessions.insertSession({ studyId, mode: 'lab', code: newSessionCode(), size: study.design.sessionSize, protocolVersion, createdBy: principal.userId }, manager);
      const secrets = Array.from({ length: session.size }, (_, index) => ({ seatNumber: index + 1, secret: newSecret(SEAT_SECRET_PREFIX) }));
      await this.sessions.insertSeatLinks(secrets.map(({ seatNumber, secret }) => ({ sessionId: session.id, seatNumber, secretHash: hashSecret(secret) })), manager);
      await this.audit.append({ actorType: 'user', actorId: principal.userId, action: 'session.created', studyId, subjectType: 'session', subjectId: session.id, data: { mode: 'lab', size: session.size } }, manager);
      return { session, seats: secrets.map(({ seatNumber, secret }) => ({ seatNumber, joinPath: seatJoinPath(secret) })) };
    }));
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
    return { session, members: await this.participants.seated(sessionId), serverNow: await this.sessions.databaseNow() };
  }
}
