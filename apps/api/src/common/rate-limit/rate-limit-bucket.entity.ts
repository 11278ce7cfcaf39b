import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Fixed-window counters in PostgreSQL, so limits hold across every API replica. Keys are bounded
 * (the limiter hashes anything a client chooses), and the cleanup of old windows uses the index.
 */
@Entity({ name: 'rate_limit_bucket' })
@Index('rate_limit_bucket_window', ['windowStart'])
@Check('rate_limit_bucket_key_bounded', `char_length(key) <= 200`)
export class RateLimitBucket {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @PrimaryColumn({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'integer' })
  hits: number;
}
