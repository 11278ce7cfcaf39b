import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StudySite } from '../sites/study-site.entity';
import { Study } from '../studies/study.entity';
import { StudySession } from './session.entity';

export const PARTICIPANT_STATUSES = ['joined', 'consented', 'declined', 'left', 'withdrawn'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/**
 * A person in a seat. Known by a pseudonymous id and a capability token (stored hashed).
 * UNIQUE (session_id, seat_number): a seat holds one participant, enforced by PostgreSQL.
 */
@Entity({ name: 'participant' })
@Unique('participant_one_per_seat', ['sessionId', 'seatNumber'])
@Index(['studyId', 'status', 'lastSeenAt'])
@Index(['siteId'])
@Index('participant_external_key', ['studyId', 'externalKey'], { unique: true, where: 'external_key IS NOT NULL' })
@Check('participant_status_known', `status IN ('joined', 'consented', 'declined', 'left', 'withdrawn')`)
@Check('participant_withdrawn_when', `(status = 'withdrawn') = (withdrawn_at IS NOT NULL)`)
@Check('participant_consent_recorded', `status NOT IN ('consented') OR (consented_at IS NOT NULL AND consent_hash IS NOT NULL)`)
@Check('participant_seat_with_session', `(session_id IS NULL) = (seat_number IS NULL)`)
export class Participant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @ManyToOne(() => Study, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'study_id' })
  study?: Study;

  /**
   * The site whose link or session they joined through: the waiting room pairs only within one
   * site. A row inserted without one gets its session's site, else the primary site (trigger).
   */
  @Column({ name: 'site_id', type: 'uuid' })
  siteId: string;

  @ManyToOne(() => StudySite, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'site_id' })
  site?: StudySite;

  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId: string | null;

  @ManyToOne(() => StudySession, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'session_id' })
  session?: StudySession;

  @Column({ name: 'seat_number', type: 'integer', nullable: true })
  seatNumber: number | null;

  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash: string;

  @Column({ type: 'text', default: 'joined' })
  status: ParticipantStatus;

  @Column({ type: 'text', default: 'en' })
  language: string;

  @Column({ name: 'consent_version', type: 'text', nullable: true })
  consentVersion: string | null;

  @Column({ name: 'consent_hash', type: 'text', nullable: true })
  consentHash: string | null;

  @Column({ name: 'consented_at', type: 'timestamptz', nullable: true })
  consentedAt: Date | null;

  /** Covariates the participant reported (e.g. acquainted or strangers). */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  covariates: Record<string, string>;

  @Column({ name: 'covariates_at', type: 'timestamptz', nullable: true })
  covariatesAt: Date | null;

  @Column({ name: 'instructions_confirmed_at', type: 'timestamptz', nullable: true })
  instructionsConfirmedAt: Date | null;

  /** External ids (e.g. PROLIFIC_PID) are kept apart from everything exported by default. */
  @Column({ name: 'external_ids', type: 'jsonb', default: () => `'{}'::jsonb` })
  externalIds: Record<string, string>;

  /**
   * HMAC-SHA-256 of the study and the recruitment platform's participant id (Prolific's PID) under
   * PSEUDONYM_SECRET: one live row per person and study, so opening the study link again resumes.
   */
  @Column({ name: 'external_key', type: 'text', nullable: true })
  externalKey: string | null;

  /**
   * Set on the participant a rejoin created: the row they left (whose seat keeps its allocation).
   * UNIQUE, so one row is rejoined from at most once, even by two concurrent requests.
   */
  @Index({ unique: true, where: 'rejoined_from IS NOT NULL' })
  @Column({ name: 'rejoined_from', type: 'uuid', nullable: true })
  rejoinedFrom: string | null;

  /**
   * SHA-256 of the withdrawal code shown on the completion screen (set when that screen is first
   * served). The code itself is derived, never stored: see withdrawals/withdrawal-code.ts.
   */
  @Index({ unique: true, where: 'withdrawal_code_hash IS NOT NULL' })
  @Column({ name: 'withdrawal_code_hash', type: 'text', nullable: true })
  withdrawalCodeHash: string | null;

  /** Set when the person withdrew consent: their answers are deleted, this row stays for the trial record. */
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt: Date;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
