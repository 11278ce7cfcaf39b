import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { StudyRole } from './study-member.entity';
import { StudyError } from './studies.errors';
import { StudiesRepository } from './studies.repository';
import type { Study } from './study.entity';

const RANK: Record<StudyRole, number> = { analyst: 1, researcher: 2, owner: 3 };

export interface StudyAccessGrant {
  readonly study: Study;
  readonly role: StudyRole;
  /** A site-limited researcher's site: they run and read only its sessions. Null: every site. */
  readonly siteId: string | null;
}

/**
 * Per-study roles: owners edit and launch, researchers run sessions, analysts read.
 * A non-member gets 404 (the study's existence is not revealed); a member below the needed role 403.
 */
@Injectable()
export class StudyAccess {
  constructor(private readonly repository: StudiesRepository) {}

  async require(principal: Principal, studyId: string, needed: StudyRole): Promise<StudyAccessGrant> {
    // Two lookups at once: every study route pays this before its own work.
    const [study, member] = await Promise.all([
      this.repository.findStudy(studyId),
      principal.isAdmin ? null : this.repository.findRole(studyId, principal.userId),
    ]);
    if (!study) throw new StudyError('STUDY_NOT_FOUND');
    const role = principal.isAdmin ? 'owner' : member?.role;
    if (!role) throw new StudyError('STUDY_NOT_FOUND');
    if (RANK[role] < RANK[needed]) throw new StudyError('ROLE_REQUIRED', { detail: `needs the ${needed} role; you are ${role}` });
    return { study, role, siteId: principal.isAdmin ? null : (member?.siteId ?? null) };
  }
}
