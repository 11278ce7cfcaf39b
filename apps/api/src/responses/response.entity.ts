import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Participant } from '../sessions/participant.entity';

export type Phase = 'pre' | 'post';

/**
 * A participant's answers to one instrument in one phase. Saved item by item while in progress
 * (submitted_at NULL); frozen with its scores by the phase submission. Consent is copied onto the
 * row and NOT NULL, so no response can exist without the consent it was given under.
 */
@Entity({ name: 'response' })
@Unique('response_one_per_instrument', ['participantId', 'phase', 'instrumentId'])
@Index(['studyId', 'phase'])
@Check('response_phase_known', `phase IN ('pre', 'post')`)
export class Response {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: Participant;

  @Column({ type: 'text' })
  phase: Phase;

  @Column({ name: 'instrument_id', type: 'text' })
  instrumentId: string;

  @Column({ name: 'instrument_version', type: 'integer' })
  instrumentVersion: number;

  @Column({ name: 'protocol_version', type: 'integer' })
  protocolVersion: number;

  @Column({ name: 'consent_hash', type: 'text' })
  consentHash: string;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  answers: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  scores: Record<string, number | null> | null;

  /**
   * Attention and manipulation check results of the submitted answers: item id → passed (true),
   * failed (false) or not scorable (null). Manipulation checks are scored against what the
   * session's condition put in the room, as its protocol says (levels' `sets`).
   */
  @Column({ name: 'check_results', type: 'jsonb', nullable: true })
  checkResults: Record<string, boolean | null> | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
