import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Study } from '../studies/study.entity';
import { StudySession } from '../sessions/session.entity';

/**
 * A consumed slot of the concealed sequence. The UNIQUE constraints are the last line of defence
 * against double allocation: one slot per (study, stratum, index), one allocation per session.
 */
@Entity({ name: 'allocation' })
@Unique('allocation_slot', ['studyId', 'stratum', 'sequenceIndex'])
@Unique('allocation_one_per_session', ['sessionId'])
export class Allocation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @ManyToOne(() => Study, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'study_id' })
  study?: Study;

  @Column({ type: 'text' })
  stratum: string;

  @Column({ name: 'sequence_index', type: 'integer' })
  sequenceIndex: number;

  @Column({ name: 'condition_id', type: 'text' })
  conditionId: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => StudySession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: StudySession;

  @Column({ name: 'protocol_version', type: 'integer' })
  protocolVersion: number;

  @CreateDateColumn({ name: 'allocated_at', type: 'timestamptz' })
  allocatedAt: Date;
}
