import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StudySite } from '../sites/study-site.entity';
import { Study } from '../studies/study.entity';

export const SESSION_STATUSES = [
  'forming',
  'allocated',
  'pre_survey',
  'conversation',
  'post_survey',
  'complete',
  'ended_early',
  'abandoned',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** One meeting of a dyad (or 1 or 3 people) for one conversation: the unit of randomisation. */
@Entity({ name: 'study_session' })
@Index(['studyId', 'status'])
@Check(
  'study_session_status_known',
  `status IN ('forming', 'allocated', 'pre_survey', 'conversation', 'post_survey', 'complete', 'ended_early', 'abandoned')`,
)
@Check('study_session_size', `size BETWEEN 1 AND 3`)
@Check(
  'study_session_allocated_has_condition',
  `(status IN ('forming') OR (status = 'abandoned' AND condition_id IS NULL)) OR condition_id IS NOT NULL`,
)
export class StudySession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @ManyToOne(() => Study, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'study_id' })
  study?: Study;

  /** The site that ran it; a row inserted without one gets the study's primary site (trigger). */
  @Index()
  @Column({ name: 'site_id', type: 'uuid' })
  siteId: string;

  @ManyToOne(() => StudySite, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'site_id' })
  site?: StudySite;

  @Column({ type: 'text' })
  mode: 'lab' | 'online';

  /** Short code a participant can type in the lab; unique across studies. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text', default: 'forming' })
  status: SessionStatus;

  @Column({ type: 'integer' })
  size: number;

  @Column({ name: 'protocol_version', type: 'integer' })
  protocolVersion: number;

  @Column({ type: 'text', nullable: true })
  stratum: string | null;

  @Column({ name: 'condition_id', type: 'text', nullable: true })
  conditionId: string | null;

  /** Kept after a partner drops out post-allocation: analysed as randomised, flagged here. */
  @Column({ type: 'boolean', default: false })
  incomplete: boolean;

  @Column({ name: 'dropout_reason', type: 'text', nullable: true })
  dropoutReason: string | null;

  /** A member withdrew consent after taking part: their answers are gone, the partner's stay. */
  @Column({ name: 'withdrawn_member', type: 'boolean', default: false })
  withdrawnMember: boolean;

  @Column({ name: 'observed_covariates', type: 'jsonb', default: () => `'{}'::jsonb` })
  observedCovariates: Record<string, string>;

  /** Lab sessions: NULL while the conversation step waits for the research assistant to start the timer. */
  @Column({ name: 'conversation_started_at', type: 'timestamptz', nullable: true })
  conversationStartedAt: Date | null;

  @Column({ name: 'conversation_seconds', type: 'integer', nullable: true })
  conversationSeconds: number | null;

  @Column({ name: 'conversation_ended_at', type: 'timestamptz', nullable: true })
  conversationEndedAt: Date | null;

  /** When the session became complete, ended early or abandoned; participant tokens expire from here. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
