import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { STUDY_ROLES, type StudyRole, StudyMember } from './study-member.entity';
import { checkedRows, isDate, isString, nullable, oneOf } from '../common/database/row-shapes';

export interface MemberRow {
  readonly userId: string;
  readonly email: string;
  readonly role: StudyRole;
  readonly siteId: string | null;
  readonly siteCode: string | null;
  readonly addedAt: Date;
}

/** The study's team: who holds which role. */
@Injectable()
export class StudyMembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listMembers(studyId: string): Promise<MemberRow[]> {
    const rows: unknown = await this.dataSource.query(
      `SELECT m.user_id AS "userId", u.email, m.role, m.site_id AS "siteId", site.code AS "siteCode", m.created_at AS "addedAt"
         FROM study_member m JOIN app_user u ON u.id = m.user_id LEFT JOIN study_site site ON site.id = m.site_id
        WHERE m.study_id = $1
        ORDER BY CASE m.role WHEN 'owner' THEN 1 WHEN 'researcher' THEN 2 ELSE 3 END, u.email`,
      [studyId],
    );
    return checkedRows(
      rows,
      {
        userId: isString,
        email: isString,
        role: oneOf(STUDY_ROLES),
        siteId: nullable(isString),
        siteCode: nullable(isString),
        addedAt: isDate,
      },
      'study members',
    );
  }

  findMember(studyId: string, userId: string, manager: EntityManager): Promise<StudyMember | null> {
    return manager.findOneBy(StudyMember, { studyId, userId });
  }

  countOwners(studyId: string, manager: EntityManager): Promise<number> {
    return manager.countBy(StudyMember, { studyId, role: 'owner' });
  }

  async setRole(studyId: string, userId: string, role: StudyRole, siteId: string | null, manager: EntityManager): Promise<void> {
    await manager.upsert(StudyMember, { studyId, userId, role, siteId }, ['studyId', 'userId']);
  }

  async isSiteOf(studyId: string, siteId: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM study_site WHERE id = $1 AND study_id = $2`, [siteId, studyId]);
    return rows.length > 0;
  }

  async removeMember(studyId: string, userId: string, manager: EntityManager): Promise<void> {
    await manager.delete(StudyMember, { studyId, userId });
  }
}
