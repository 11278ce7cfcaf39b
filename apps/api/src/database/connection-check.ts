import { Client } from 'pg';

export class DatabaseUnreachableError extends Error {}

function describe(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname || 'localhost'}:${url.port || '5432'}`;
}

/**
 * Fails within `timeoutMs` with one line an operator can act on, instead of the pool retrying
 * silently or TypeORM printing a stack.
 */
export async function assertDatabaseReachable(databaseUrl: string, timeoutMs = 10_000): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new DatabaseUnreachableError(`cannot connect to PostgreSQL at ${describe(databaseUrl)}: ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
