import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Study } from '../studies/study.entity';
import type { SignedSiteSummary } from './site-summary';

/** A site summary another installation sent: aggregates only, pooled with this study's own sites. */
@Entity({ name: 'external_site_summary' })
@Index('external_site_summary_label', ['studyId', 'label'], { unique: true })
export class ExternalSiteSummary {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @ManyToOne(() => Study, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'study_id' })
  study?: Study;

  /** The name the forest plot shows, unique per study (e.g. "Konstanz"). */
  @Column({ type: 'text' })
  label: string;

  @Column({ name: 'design_hash', type: 'text' })
  designHash: string;

  @Column({ type: 'jsonb' })
  summary: SignedSiteSummary;

  @Column({ name: 'imported_by', type: 'uuid' })
  importedBy: string;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt: Date;
}
