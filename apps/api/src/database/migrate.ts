import type { DataSource } from 'typeorm';

// Any fixed 64-bit number; every replica and the CLI use it so only one migrates at a time.
const MIGRATION_LOCK = 7_110_422_013;

/**
 * Runs pending migrations under a PostgreSQL advisory lock: several replicas starting at once
 * queue up instead of racing to create the same tables.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
