import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Study } from './study.entity';

/** A frozen, hashed version of a study's design: v1 at launch, one more per amendment. */
@Entity({ name: 'protocol' })
@Unique('protocol_study_version', ['studyId', 'version'])
export class Protocol {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @ManyToOne(() => Study, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'study_id' })
  study?: Study;

  @Column({ type: 'integer' })
  version: number;

  /** Canonical JSON (sorted keys) of the design plus instrument hashes and the seed commitment. */
  @Column({ name: 'canonical_json', type: 'text' })
  canonicalJson: string;

  @Column({ type: 'text' })
  hash: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
