import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Study } from '../studies/study.entity';

/** The original study's effect as reported: a standardised d with n per group, or the two groups' means, SDs and ns. */
export type OriginalStatistic =
  | { readonly kind: 'd'; readonly d: number; readonly n1: number; readonly n2: number }
  | {
      readonly kind: 'means';
      readonly m1: number;
      readonly sd1: number;
      readonly n1: number;
      readonly m2: number;
      readonly sd2: number;
      readonly n2: number;
    };

/**
 * The effect a replication is compared with, typed in by a person from the original paper with
 * its provenance (domain.md: no original number may be shown unverified). One per study; the
 * replication panel names the factor and the outcome it refers to.
 */
@Entity({ name: 'original_effect' })
@Check('original_effect_phase_known', `phase IN ('pre', 'post', 'change')`)
export class OriginalEffect {
  @PrimaryColumn({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @OneToOne(() => Study, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'study_id' })
  study?: Study;

  /** The two-level factor whose effect this is; g is its first level minus its second. */
  @Column({ name: 'factor_id', type: 'text' })
  factorId: string;

  @Column({ name: 'instrument_id', type: 'text' })
  instrumentId: string;

  @Column({ name: 'instrument_version', type: 'integer' })
  instrumentVersion: number;

  @Column({ type: 'text' })
  scale: string;

  @Column({ type: 'text' })
  phase: 'pre' | 'post' | 'change';

  @Column({ type: 'text' })
  citation: string;

  @Column({ type: 'text', nullable: true })
  doi: string | null;

  /** Where in the paper: page, table or figure. */
  @Column({ type: 'text' })
  locator: string;

  @Column({ type: 'jsonb' })
  statistic: OriginalStatistic;

  /** Who checked the numbers against the paper; a label is shown only when this is set. */
  @Column({ name: 'verified_by', type: 'text', nullable: true })
  verifiedBy: string | null;

  @Column({ name: 'verified_on', type: 'date', nullable: true })
  verifiedOn: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @UpdateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
