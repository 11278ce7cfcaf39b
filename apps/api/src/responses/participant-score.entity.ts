import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Participant } from '../sessions/participant.entity';

/**
 * A participant's submitted score on one scale, before and after the conversation: the rows the
 * results read (P4). Kept by a trigger on `response` (migration ParticipantScores), so every
 * writer (submit, withdrawal, purge, a bench's raw SQL) keeps it true, and nothing here writes it.
 */
@Entity({ name: 'participant_score' })
@Index('participant_score_study', ['studyId'])
export class ParticipantScore {
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @PrimaryColumn({ name: 'instrument_id', type: 'text' })
  instrumentId: string;

  @PrimaryColumn({ name: 'instrument_version', type: 'integer' })
  instrumentVersion: number;

  @PrimaryColumn({ type: 'text' })
  scale: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: Participant;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @Column({ type: 'double precision', nullable: true })
  pre: number | null;

  @Column({ type: 'double precision', nullable: true })
  post: number | null;
}
