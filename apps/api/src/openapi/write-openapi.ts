import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/config';
import { createLogger } from '../common/logger';
import { buildOpenApiDocument, canonicalOpenApi } from './openapi';

/**
 * Writes apps/api/openapi.json. Preview mode builds the module graph without instantiating
 * providers, so no database is needed.
 */
async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, DATABASE_URL: process.env['DATABASE_URL'] ?? 'postgres://unused@localhost/unused' });
  const app = await createApp(config, createLogger('warn'), { preview: true });
  const target = join(__dirname, '..', '..', 'openapi.json');
  writeFileSync(target, canonicalOpenApi(buildOpenApiDocument(app)));
  process.stdout.write(`wrote ${target}\n`);
}

void main();
