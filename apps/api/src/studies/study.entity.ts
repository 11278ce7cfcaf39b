import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StudyDesign } from './study-design';

export const STUDY_STATUSES = ['draft', 'launched', 'paused', 'closed'] as const;
export type StudyStatus = (typeof STUDY_STATUSES)[number];

@Entity({ name: 'study' })
@Check('study_status_known', `status IN ('draft', 'launched', 'paused', 'closed')`)
@Check('study_seed_only_when_launched', `(status = 'draft') = (seed_hex IS NULL)`)
export class Study {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', default: 'draft' })
  status: StudyStatus;

  /** The editable design; frozen into a protocol at launch and at each amendment. */
  @Column({ type: 'jsonb' })
  design: StudyDesign;

  /** The study link code participants use in online mode. */
  @Index({ unique: true })
  @Column({ name: 'join_code', type: 'text' })
  joinCode: string;

  /**
   * Counts saved draft edits (1 at creation): the builder sends it back as If-Match, so two people
   * editing one draft get a conflict instead of overwriting each other.
   */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ name: 'protocol_version', type: 'integer', nullable: true })
  protocolVersion: number | null;

  /** Secret until the study closes: no endpoint returns it before `seed_revealed_at`. */
  @Column({ name: 'seed_hex', type: 'text', nullable: true, select: false })
  seedHex: string | null;

  @Column({ name: 'seed_commitment', type: 'text', nullable: true })
  seedCommitment: string | null;

  @Column({ name: 'seed_revealed_at', type: 'timestamptz', nullable: true })
  seedRevealedAt: Date | null;

  /** When the retention job deleted external ids and identifying free text (RETENTION_DAYS after closing). */
  @Column({ name: 'identifiers_deleted_at', type: 'timestamptz', nullable: true })
  identifiersDeletedAt: Date | null;

  /** When `admin purge-study` removed every participant's data (protocol and allocations stay). */
  @Column({ name: 'participant_data_purged_at', type: 'timestamptz', nullable: true })
  participantDataPurgedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
