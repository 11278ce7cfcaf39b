import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Study } from '../studies/study.entity';

/**
 * A place that runs a study's sessions (a lab, a university). Every study has exactly one primary
 * site (created with the study by a trigger, code `main`), which uses the study's own join code;
 * further sites have their own. Site is always a stratification factor of allocation.
 */
@Entity({ name: 'study_site' })
@Unique('study_site_code', ['studyId', 'code'])
@Index('study_site_one_primary', ['studyId'], { unique: true, where: 'is_primary' })
@Index('study_site_join_code', ['joinCode'], { unique: true, where: 'join_code IS NOT NULL' })
@Check('study_site_code_format', `code ~ '^[a-z0-9_-]{1,20}$'`)
@Check('study_site_primary_uses_study_code', `is_primary = (join_code IS NULL)`)
export class StudySite {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @ManyToOne(() => Study, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'study_id' })
  study?: Study;

  /** Stable short id: in stratum keys, exports and query options. Immutable once a session uses it. */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'text', nullable: true })
  country: string | null;

  /** The default language of the site's participants: one of the design's languages. */
  @Column({ type: 'text', nullable: true })
  language: string | null;

  /** The site's own study link code (`/s/<code>`); NULL for the primary site, which uses the study's. */
  @Column({ name: 'join_code', type: 'text', nullable: true })
  joinCode: string | null;

  @Column({ name: 'is_primary', type: 'boolean', default: false })
  isPrimary: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
