import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { assertDatabaseReachable } from './connection-check';
import { dataSourceOptions } from './data-source-options';
import { runMigrationsLocked } from './migrate';
import { grantRuntimeRole } from './runtime-role';

/**
 * Brings the schema up to date before the app connects. With MIGRATION_DATABASE_URL the owner
 * migrates and then creates or grants the runtime role of DATABASE_URL (which may not exist
 * before this); without it, DATABASE_URL's role does both. Returns the migrations applied.
 */
export async function prepareDatabase(config: AppConfig): Promise<string[]> {
  const ownerUrl = config.migrationDatabaseUrl ?? config.databaseUrl;
  await assertDatabaseReachable(ownerUrl);
  // Two connections: one holds the migration lock while the other migrates.
  const owner = new DataSource(dataSourceOptions(ownerUrl, 2));
  await owner.initialize();
  try {
    const applied = await runMigrationsLocked(owner);
    if (config.migrationDatabaseUrl) await grantRuntimeRole(owner, config.databaseUrl);
    return applied;
  } finally {
    await owner.destroy();
  }
}
