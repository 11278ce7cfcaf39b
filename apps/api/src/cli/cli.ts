import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from '../app.module';
import { createLogger, PinoNestLogger } from '../common/logger';
import { DomainError } from '../common/errors/domain-error';
import { ConfigError, loadConfig } from '../config/config';
import { assertDatabaseReachable, DatabaseUnreachableError } from '../database/connection-check';
import { prepareDatabase } from '../database/prepare';
import { parseArgs, type ParsedArgs } from './args';
import { COMMANDS } from './commands';

const USAGE = `usage: attune <command> [options]
commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(18)} ${command.summary}`)
  .join('\n')}`;

async function withContext(work: (context: INestApplicationContext) => Promise<void>): Promise<void> {
  const config = loadConfig();
  await prepareDatabase(config);
  await assertDatabaseReachable(config.databaseUrl);
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const context = await NestFactory.createApplicationContext(AppModule.register(config), { logger: new PinoNestLogger(logger) });
  try {
    await work(context);
  } finally {
    await context.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const args: ParsedArgs = parseArgs(argv);
  const name = args.positional[0];
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let exitCode = 0;
  await withContext(async (context) => {
    exitCode = await command.run(context, { ...args, positional: args.positional.slice(1) });
  });
  return exitCode;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof DatabaseUnreachableError || error instanceof DomainError;
    process.stderr.write(`attune: ${known ? (error as Error).message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
