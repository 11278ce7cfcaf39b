import 'reflect-metadata';
import { createApp } from './app.factory';
import { createLogger } from './common/logger';
import { ConfigError, loadConfig } from './config/config';
import { assertDatabaseReachable, DatabaseUnreachableError } from './database/connection-check';
import { prepareDatabase } from './database/prepare';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const applied = await prepareDatabase(config);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  await assertDatabaseReachable(config.databaseUrl);
  const app = await createApp(config, logger);
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
