import 'reflect-metadata';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createApp } from './app.factory';
import { createLogger } from './common/logger';
import { ConfigError, loadConfig } from './config/config';
import { assertDatabaseReachable, DatabaseUnreachableError } from './database/connection-check';
import { runMigrationsLocked } from './database/migrate';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  await assertDatabaseReachable(config.databaseUrl);
  const app = await createApp(config, logger);
  const applied = await runMigrationsLocked(app.get<DataSource>(getDataSourceToken()));
  if (applied.length) logger.info({ applied }, 'migrations applied');
  await app.listen(config.port, config.host);
  logger.info({ port: config.port }, 'api listening');
}

main().catch((error: unknown) => {
  // Known start-up failures get one clear line, not a stack.
  if (error instanceof ConfigError || error instanceof DatabaseUnreachableError) {
    process.stderr.write(`attune-api: ${error.message}\n`);
  } else {
    process.stderr.write(`attune-api: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
