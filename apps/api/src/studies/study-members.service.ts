import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { StudyError } from './studies.errors';
import { StudiesRepository } from './studies.repository';
import { StudyAccess } from './study-access';
import type { StudyRole } from './study-member.entity';
import { type MemberRow, StudyMembersRepository } from './study-members.repository';

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
  async add(principal: Principal, studyId: string, userId: string | null, role: StudyRole): Promise<void> {
    await this.access.require(principal, studyId, 'owner');
    // The same answer whether or not the email has an account, so this route cannot be used to
    // find out who has one; the audit log (and the member list) tell the owner what happened.
    if (!userId) {
      await this.audit.append({ actorType: 'user', actorId: principal.userId, action: 'study.member_not_added', studyId, data: { role, reason: 'no_account' } });
      return;
    }
    await this.change(principal, studyId, userId, role, { mustExist: false });
  }

  async setRole(principal: Principal, studyId: string, userId: string, role: StudyRole): Promise<void> {
    await this.access.require(principal, studyId, 'owner');
    await this.change(principal, studyId, userId, role, { mustExist: true });
  }

  async remove(principal: Principal, studyId: string, userId: string): Promise<void> {
    await this.access.require(principal, studyId, 'owner');
    await this.change(principal, studyId, userId, null, { mustExist: true });
  }

  /** `role` null removes the member. */
  private change(principal: Principal, studyId: string, userId: string, role: StudyRole | null, options: { mustExist: boolean }): Promise<void> {
    return this.studies.transaction(async (manager) => {
      await this.studies.findStudyForUpdate(studyId, manager);
      const member = await this.members.findMember(studyId, userId, manager);
      if (!member && options.mustExist) throw new StudyError('MEMBER_NOT_FOUND');
      if (member?.role === 'owner' && role !== 'owner') await this.requireAnotherOwner(studyId, manager);
      if (role) await this.members.setRole(studyId, userId, role, manager);
      else await this.members.removeMember(studyId, userId, manager);
      const action = role ? 'study.member_set' : 'study.member_removed';
      await this.audit.append({ actorType: 'user', actorId: principal.userId, action, studyId, subjectType: 'user', subjectId: userId, data: role ? { role } : { formerRole: member?.role } }, manager);
    });
  }

  private async requireAnotherOwner(studyId: string, manager: EntityManager): Promise<void> {
    if ((await this.members.countOwners(studyId, manager)) <= 1) {
      throw new StudyError('LAST_OWNER', { detail: 'make another member an owner first' });
    }
  }
}
