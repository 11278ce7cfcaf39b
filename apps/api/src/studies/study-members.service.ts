import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository, userActor } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { StudyError } from './studies.errors';
import { StudiesRepository } from './studies.repository';
import { StudyAccess } from './study-access';
import type { StudyRole } from './study-member.entity';
import { type MemberRow, StudyMembersRepository } from './study-members.repository';

/** A role, and for a researcher optionally the one site they are limited to. */
export interface MemberGrant {
  readonly role: StudyRole;
  readonly siteId?: string;
}

/** Owners and analysts see every site: a site limit would be a false promise of confidentiality. */
function requireLimitable(grant: MemberGrant): void {
  if (grant.siteId !== undefined && grant.role !== 'researcher')
    throw new StudyError('SITE_LIMIT_ROLE', { detail: `a ${grant.role} sees every site` });
}

/**
 * The team of a study. Every change runs under the study's row lock, so two owners demoting each
 * other at once cannot leave the study with no owner.
 */
@Injectable()
export class StudyMembersService {
  constructor(
    private readonly members: StudyMembersRepository,
    private readonly studies: StudiesRepository,
    private readonly access: StudyAccess,
    private readonly audit: AuditRepository,
  ) {}

  async list(principal: Principal, studyId: string): Promise<MemberRow[]> {
    await this.access.require(principal, studyId, 'analyst');
    return this.members.listMembers(studyId);
  }

  /** Adds the account with this email, or changes its role; `userId` null: no such account. */
  async add(principal: Principal, studyId: string, userId: string | null, grant: MemberGrant): Promise<void> {
    await this.access.require(principal, studyId, 'owner');
    requireLimitable(grant);
    const { role } = grant;
    // The same answer whether or not the email has an account, so this route cannot be used to
    // find out who has one; the audit log (and the member list) tell the owner what happened.
    if (!userId) {
      await this.audit.study('study.member_not_added', { studyId, by: userActor(principal.userId), data: { role, reason: 'no_account' } });
      return;
    }
    await this.change(principal, studyId, userId, grant, { mustExist: false });
  }

  async setRole(principal: Principal, studyId: string, userId: string, grant: MemberGrant): Promise<void> {
    await this.access.require(principal, studyId, 'owner');
    requireLimitable(grant);
    await this.change(principal, studyId, userId, grant, { mustExist: true });
  }

  async remove(principal: Principal, studyId: string, userId: string): Promise<void> {
    await this.access.require(principal, studyId, 'owner');
    await this.change(principal, studyId, userId, null, { mustExist: true });
  }

  /** `grant` null removes the member. */
  private change(
    principal: Principal,
    studyId: string,
    userId: string,
    grant: MemberGrant | null,
    options: { mustExist: boolean },
  ): Promise<void> {
    return this.studies.transaction(async (manager) => {
      await this.studies.findStudyForUpdate(studyId, manager);
      const member = await this.members.findMember(studyId, userId, manager);
      if (!member && options.mustExist) throw new StudyError('MEMBER_NOT_FOUND');
      if (member?.role === 'owner' && grant?.role !== 'owner') await this.requireAnotherOwner(studyId, manager);
      if (grant?.siteId !== undefined && !(await this.members.isSiteOf(studyId, grant.siteId, manager)))
        throw new StudyError('UNKNOWN_SITE');
      if (grant) await this.members.setRole(studyId, userId, grant.role, grant.siteId ?? null, manager);
      else await this.members.removeMember(studyId, userId, manager);
      const event = { studyId, by: userActor(principal.userId), subject: ['user', userId] } as const;
      if (grant)
        await this.audit.study(
          'study.member_set',
          { ...event, data: { role: grant.role, ...(grant.siteId === undefined ? {} : { siteId: grant.siteId }) } },
          manager,
        );
      else await this.audit.study('study.member_removed', { ...event, data: { formerRole: member?.role } }, manager);
    });
  }

  private async requireAnotherOwner(studyId: string, manager: EntityManager): Promise<void> {
    if ((await this.members.countOwners(studyId, manager)) <= 1) {
      throw new StudyError('LAST_OWNER', { detail: 'make another member an owner first' });
    }
  }
}
