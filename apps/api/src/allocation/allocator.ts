import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { SitesRepository } from '../sites/sites.repository';
import { allocationAt } from '../randomisation/allocation-sequence';
import { weightedConditions } from '../studies/protocol-snapshot';
import { StudiesRepository } from '../studies/studies.repository';
import type { StudyDesign } from '../studies/study-design';
import { AllocationsRepository } from './allocations.repository';
import type { Participant } from '../sessions/participant.entity';
import { ParticipantsRepository } from '../sessions/participants.repository';
import type { StudySession } from '../sessions/session.entity';
import { type Actor, SessionTransitions } from '../sessions/session-transitions';
import { pendingCovariates, sessionStratum } from './stratum-policy';

function readyForAllocation(session: StudySession, members: readonly Participant[], design: StudyDesign): boolean {
  return (
    session.status === 'forming' &&
    members.length === session.size &&
    members.every(
      (member) =>
        member.status === 'consented' && member.covariatesAt !== null && pendingCovariates(design, member.covariates, true).length === 0,
    )
  );
}

/**
 * Allocates a whole session (the unit of randomisation) once every seat holds a consented member
 * who answered the covariates, those about the partner included — not earlier — so every member gets the same condition and a
 * session that never fills consumes no slot of the concealed sequence.
 */
@Injectable()
export class Allocator {
  constructor(
    private readonly allocations: AllocationsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly studies: StudiesRepository,
    private readonly transitions: SessionTransitions,
    private readonly audit: AuditRepository,
    private readonly sites: SitesRepository,
  ) {}

  /**
   * Call inside the use case's transaction with the session row locked. Returns whether the
   * session was allocated now. Two API processes cannot take the same slot: the per-stratum lock
   * serialises "read max index, insert next", and UNIQUE constraints back it up.
   */
  async tryAllocate(manager: EntityManager, session: StudySession, design: StudyDesign, actor: Actor): Promise<boolean> {
    const members = await this.participants.seated(session.id, manager);
    if (!readyForAllocation(session, members, design)) return false;
    const site = await this.sites.findById(session.studyId, session.siteId, manager);
    if (!site) throw new Error(`session ${session.id} has no site of its study`);
    const stratum = sessionStratum(
      design,
      members.map((member) => member.covariates),
      session.observedCovariates,
      site.isPrimary ? null : site.code,
    );
    if (stratum === null) return false;
    await this.allocations.lockStratum(session.studyId, stratum, manager);
    const sequenceIndex = await this.allocations.nextSequenceIndex(session.studyId, stratum, manager);
    const seedHex = await this.studies.findSeed(session.studyId, manager);
    if (!seedHex) throw new Error(`study ${session.studyId} has no allocation seed`);
    const { conditionId } = allocationAt(
      {
        seedHex,
        stratum,
        scheme: design.randomisation.scheme,
        conditions: weightedConditions(design),
        blockMultipliers: design.randomisation.blockMultipliers,
      },
      sequenceIndex,
    );
    await this.allocations.insert(
      { studyId: session.studyId, stratum, sequenceIndex, conditionId, sessionId: session.id, protocolVersion: session.protocolVersion },
      manager,
    );
    await this.transitions.move(manager, session, 'allocated', actor, { conditionId, stratum });
    session.conditionId = conditionId;
    session.stratum = stratum;
    // The audit trail is never shown to participants, so it may name the condition.
    await this.audit.study(
      'session.allocated',
      { studyId: session.studyId, by: actor, subject: ['session', session.id], data: { conditionId, stratum, sequenceIndex } },
      manager,
    );
    return true;
  }
}
