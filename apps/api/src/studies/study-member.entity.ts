import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../auth/user.entity';
import { Study } from './study.entity';

export const STUDY_ROLES = ['owner', 'researcher', 'analyst'] as const;
export type StudyRole = (typeof STUDY_ROLES)[number];

@Entity({ name: 'study_member' })
@Check('study_member_role_known', `role IN ('owner', 'researcher', 'analyst')`)
@Check('study_member_site_only_researchers', `site_id IS NULL OR role = 'researcher'`)
export class StudyMember {
  @PrimaryColumn({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @Index()
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => Study, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'study_id' })
  study?: Study;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  role: StudyRole;

  /** A site-limited researcher runs and reads only this site's sessions; NULL: every site. */
  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId: string | null;

  // Named, not imported: sites come after studies in the feature order, and only the foreign key is needed here.
  @ManyToOne('StudySite', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'site_id' })
  site?: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
