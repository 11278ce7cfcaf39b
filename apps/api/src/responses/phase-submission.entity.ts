import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per (participant, phase): the Idempotency-Key record and the proof that a phase was
 * submitted exactly once. The primary key makes a second submission impossible.
 */
@Entity({ name: 'phase_submission' })
@Check('phase_submission_state_known', `state IN ('in_progress', 'done')`)
export class PhaseSubmission {
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @PrimaryColumn({ type: 'text' })
  phase: 'pre' | 'post';

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  /** SHA-256 of the canonical request body: same key with another body → 422. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ type: 'text' })
  state: 'in_progress' | 'done';

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
