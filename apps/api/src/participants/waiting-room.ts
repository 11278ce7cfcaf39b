import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { SitesRepository } from '../sites/sites.repository';
import { StudiesRepository } from '../studies/studies.repository';
import type { StudyDesign } from '../studies/study-design';
import { Allocator } from '../allocation/allocator';
import { ParticipantsRepository } from '../sessions/participants.repository';
import { ProtocolDesigns } from '../sessions/protocol-designs';
import type { StudySession } from '../sessions/session.entity';
import { SYSTEM } from '../sessions/session-transitions';
import { retryOnCodeCollision, newSessionCode } from '../sessions/session-code';
import { SessionsRepository } from '../sessions/sessions.repository';

/** Only participants whose page has checked in this recently are paired: a closed tab is not a partner. */
export const FRESH_SECONDS = 30;
// Bounds one call's work; whoever checks in next forms the rest.
const MAX_SESSIONS_PER_CALL = 20;

/**
 * Online mode: sessions form by arrival from the study's waiting room. One transaction per study
 * at a time (advisory lock), so two API processes never seat the same person twice or leave two
 * half-sessions each waiting for the other.
 */
@Injectable()
export class WaitingRoom {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly studies: StudiesRepository,
    private readonly allocator: Allocator,
    private readonly designs: ProtocolDesigns,
    private readonly audit: AuditRepository,
    private readonly sites: SitesRepository,
  ) {}

  /** Forms as many sessions as the fresh waiting participants fill; returns how many. */
  tryForm(studyId: string): Promise<number> {
    return retryOnCodeCollision(() => this.sessions.transaction((manager) => this.form(studyId, manager)));
  }

  private async form(studyId: string, manager: EntityManager): Promise<number> {
    const study = await this.studies.findStudy(studyId, manager);
    if (!study || study.status !== 'launched' || study.protocolVersion === null) return 0;
    const design = await this.designs.current(study, manager);
    await this.participants.lockWaitingRoom(studyId, manager);
    const protocolVersion = study.protocolVersion;
    let formed = 0;
    // Partners meet only within a site (the site is also a stratum): each site's queue forms on its own.
    for (const siteId of await this.participants.waitingSites(studyId, FRESH_SECONDS, manager)) {
      formed += await this.formAtSite(studyId, siteId, protocolVersion, design, MAX_SESSIONS_PER_CALL - formed, manager);
    }
    return formed;
  }

  private async formAtSite(
    studyId: string,
    siteId: string,
    protocolVersion: number,
    design: StudyDesign,
    limit: number,
    manager: EntityManager,
  ): Promise<number> {
    let formed = 0;
    while (formed < limit) {
      const members = await this.participants.claimWaiting(studyId, siteId, design.sessionSize, FRESH_SECONDS, manager);
      if (members.length < design.sessionSize) break;
      await this.sites.lockShared(siteId, manager);
      const session = await this.sessions.insertSession(
        { studyId, siteId, mode: 'online', code: newSessionCode(), size: design.sessionSize, protocolVersion, createdBy: null },
        manager,
      );
      await this.seat(
        session,
        members.map((member) => member.id),
        manager,
      );
      const locked = await this.sessions.lock(session.id, manager);
      // Allocation waits here when the design asks the members about each other first.
      if (locked) await this.allocator.tryAllocate(manager, locked, design, SYSTEM);
      formed += 1;
    }
    return formed;
  }

  private async seat(session: StudySession, participantIds: readonly string[], manager: EntityManager): Promise<void> {
    await this.audit.study(
      'session.created',
      {
        studyId: session.studyId,
        by: SYSTEM,
        subject: ['session', session.id],
        data: { mode: 'online', size: session.size, siteId: session.siteId },
      },
      manager,
    );
    for (const [index, participantId] of participantIds.entries()) {
      await this.participants.update(participantId, { sessionId: session.id, seatNumber: index + 1 }, manager);
      await this.audit.participant(
        'participant.seated',
        {
          participant: { id: participantId, studyId: session.studyId },
          by: SYSTEM,
          data: { sessionId: session.id, seatNumber: index + 1 },
        },
        manager,
      );
    }
  }
}
