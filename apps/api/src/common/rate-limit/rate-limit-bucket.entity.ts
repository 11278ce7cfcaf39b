import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Fixed-window counters in PostgreSQL, so limits hold across every API replica. */
@Entity({ name: 'rate_limit_bucket' })
export class RateLimitBucket {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @PrimaryColumn({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'integer' })
  hits: number;
}
