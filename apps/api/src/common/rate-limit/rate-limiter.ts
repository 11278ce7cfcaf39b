import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CommonErrors } from '../errors/common.errors';

export interface RateLimitRule {
  readonly max: number;
  readonly windowSeconds: number;
}

/**
 * Fixed-window limiter whose counters live in PostgreSQL: with several stateless API replicas an
 * in-memory counter would multiply the limit by the replica count.
 */
@Injectable()
export class RateLimiter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts one hit for `key`; throws RATE_LIMITED with Retry-After once the window is full. */
  async consume(key: string, rule: RateLimitRule): Promise<void> {
    const rows: Array<{ hits: number; retry_after: string }> = await this.dataSource.query(
      `INSERT INTO rate_limit_bucket (key, window_start, hits)
       VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_bucket.hits + 1
       RETURNING hits, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS retry_after`,
      [key, rule.windowSeconds],
    );
    const row = rows[0];
    if (row && row.hits > rule.max) {
      const retryAfter = String(Math.max(1, Number(row.retry_after)));
      throw new CommonErrors('RATE_LIMITED', { detail: `Try again in ${retryAfter} s`, headers: { 'Retry-After': retryAfter } });
    }
    // Old windows are useless. Trimming on about 1 call in 200 keeps the table small without a
    // scheduler and keeps the extra statement off nearly every request (this sits on the submit path).
    if (Math.random() < 0.005) {
      await this.dataSource.query(`DELETE FROM rate_limit_bucket WHERE window_start < now() - interval '1 day'`);
    }
  }
}
