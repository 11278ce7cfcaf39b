import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import { createLogger } from '../../src/common/logger';
import { type AppConfig, loadConfig } from '../../src/config/config';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestApp {
  readonly app: INestApplication;
  readonly db: TestDatabase;
  readonly config: AppConfig;
  /** The HTTP server, for supertest. */
  readonly http: Parameters<typeof import('supertest')>[0];
  close(): Promise<void>;
}

/** Nest's init, then Fastify's: it serves only once its plugins are loaded, and supertest talks to the bare server. */
export async function initApp(app: INestApplication): Promise<void> {
  await app.init();
  await (app as NestFastifyApplication).getHttpAdapter().getInstance().ready();
}

/** The real app (real HTTP stack, real PostgreSQL, migrated) on its own database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase(2);
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config, createLogger(config.logLevel));
  await initApp(app);
  return {
    app,
    db,
    config,
    http: app.getHttpServer() as TestApp['http'],
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
