import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { runMigrationsLocked } from '../../src/database/migrate';

export interface TestDatabase {
  readonly url: string;
  readonly dataSource: DataSource;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env['ATTUNE_TEST_SERVER_URL'];
  if (!url) throw new Error('ATTUNE_TEST_SERVER_URL is not set: run the API tests through jest (globalSetup)');
  return url;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database with every migration applied: real PostgreSQL, real schema, no mocks. */
export async function createTestDatabase(poolSize = 10): Promise<TestDatabase> {
  const name = `attune_t_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  const dataSource = new DataSource(dataSourceOptions(url.toString(), poolSize));
  await dataSource.initialize();
  await runMigrationsLocked(dataSource);
  return {
    url: url.toString(),
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
