import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CommonErrors } from '../errors/common.errors';
import { pooledSql } from '../database/sql';
import { checkedRow, checkedRows, isNumber } from '../database/row-shapes';

/** A bucket's hits in the current window, and the seconds until that window ends. */
const BUCKET = { hits: isNumber, retry_after: isNumber };

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
    const row = await this.hit(key, rule);
    if (row.hits > rule.max) throw limited(row.retryAfter);
  }

  /** Hits counted for `key` in the current window, and seconds until it ends; counts nothing. */
  async peek(key: string, rule: RateLimitRule): Promise<{ hits: number; retryAfter: number }> {
    assertBounded(key);
    const rows: unknown = await this.dataSource.query(
      `SELECT hits, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS retry_after
         FROM rate_limit_bucket WHERE key = $1 AND window_start = to_timestamp(floor(extract(epoch FROM now()) / $2) * $2)`,
      [key, rule.windowSeconds],
    );
    const [row] = checkedRows(rows, BUCKET, 'rate limit bucket');
    return { hits: row?.hits ?? 0, retryAfter: row?.retry_after ?? rule.windowSeconds };
  }

  /** Refuses (429) once `key` has `rule.max` hits in the window, without counting this call. */
  async require(key: string, rule: RateLimitRule): Promise<number> {
    const { hits, retryAfter } = await this.peek(key, rule);
    if (hits >= rule.max) throw limited(retryAfter);
    return hits;
  }

  /** Counts one hit for `key` and answers the window's count (e.g. a failed login). */
  async hit(key: string, rule: RateLimitRule): Promise<{ hits: number; retryAfter: number }> {
    assertBounded(key);
    // Straight to the pool: this sits on the submit's hot path (see Sql).
    const rows = await pooledSql(this.dataSource).query(
      `INSERT INTO rate_limit_bucket (key, window_start, hits)
       VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_bucket.hits + 1
       RETURNING hits, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS retry_after`,
      [key, rule.windowSeconds],
    );
    await this.trimOccasionally();
    const row = checkedRow(rows, BUCKET, 'rate limit hit');
    return { hits: row.hits, retryAfter: row.retry_after };
  }

  private async trimOccasionally(): Promise<void> {
    // Old windows are useless. Trimming on about 1 call in 200 keeps the table small without a
    // scheduler and keeps the extra statement off nearly every request (this sits on the submit path).
    if (Math.random() < 0.005) {
      await this.dataSource.query(`DELETE FROM rate_limit_bucket WHERE window_start < now() - interval '1 day'`);
    }
  }
}

/** Keys are made by the API from ids, hashes and IP addresses; a long one is a bug, not input. */
function assertBounded(key: string): void {
  if (key.length > 200) throw new Error(`rate-limit key of ${key.length} characters: hash what the client chose`);
}

function limited(retryAfterSeconds: number): InstanceType<typeof CommonErrors> {
  const retryAfter = String(Math.max(1, retryAfterSeconds));
  return new CommonErrors('RATE_LIMITED', { detail: `Try again in ${retryAfter} s`, headers: { 'Retry-After': retryAfter } });
}
