import type { Pool, PoolClient, QueryResult } from 'pg';
import { type DataSource, QueryFailedError } from 'typeorm';

/**
 * Where a hand-written statement runs. A TypeORM EntityManager is one; so are `pooledSql` and the
 * argument of `sqlTransaction` below, which use the same pg pool without TypeORM's query runner
 * (its per-statement wrapping, events and entity plumbing cost the participant's submit more CPU
 * than its SQL). Both answer in TypeORM's shape (rows; [rows, rowCount] for UPDATE and DELETE) and
 * fail with TypeORM's QueryFailedError, so a repository method behaves the same under either.
 */
export interface Sql {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

function typeormShaped(result: QueryResult): unknown {
  return result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount ?? 0] : result.rows;
}

class PgSql implements Sql {
  constructor(private readonly target: Pool | PoolClient) {}

  async query(text: string, params: unknown[] = []): Promise<unknown> {
    try {
      return typeormShaped(await this.target.query(text, params));
    } catch (error) {
      throw new QueryFailedError(text, params, error as Error);
    }
  }
}

/** The pool TypeORM opened for this data source (PostgreSQL only: the driver's `master`). */
function poolOf(dataSource: DataSource): Pool {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool) throw new Error('the data source has no PostgreSQL pool: is it initialised?');
  return pool;
}

/** Each statement on its own pooled connection, committed by itself. */
export function pooledSql(dataSource: DataSource): Sql {
  return new PgSql(poolOf(dataSource));
}

/**
 * `work` in one transaction on one pooled connection: committed when it resolves, rolled back when
 * it throws. A connection that failed (its socket, or even the ROLLBACK) is destroyed, not pooled.
 */
export async function sqlTransaction<T>(dataSource: DataSource, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await poolOf(dataSource).connect();
  let broken: Error | undefined;
  const onError = (error: Error): void => {
    broken = error;
  };
  client.on('error', onError);
  const sql = new PgSql(client);
  try {
    await sql.query('BEGIN');
    const result = await work(sql);
    await sql.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error('ROLLBACK failed');
    });
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
