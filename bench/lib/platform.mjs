// A benchmark's own PostgreSQL database and API processes, torn down afterwards.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, repoRoot, startEmbedded, waitForDatabase } from '../../scripts/lib/postgres.mjs';
import { capture, service, stopAll } from '../../scripts/lib/processes.mjs';

const apiMain = join(repoRoot, 'apps/api/dist/main.js');
const cli = join(repoRoot, 'apps/api/dist/cli/cli.js');

async function server() {
  if (process.env.DATABASE_URL) {
    await waitForDatabase(process.env.DATABASE_URL);
    return { serverUrl: process.env.DATABASE_URL, stop: async () => undefined };
  }
  return startEmbedded({ name: 'pg-bench', port: await freePort() });
}

async function waitHealthy(url) {
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never became healthy`);
}

/**
 * A fresh, migrated database with an admin, and `apiCount` API processes on it.
 * `env` is passed to the API processes (e.g. a higher rate limit for load).
 */
export async function startBenchPlatform({ apiCount = 1, env = {} } = {}) {
  const pgServer = await server();
  const admin = new pg.Client({ connectionString: pgServer.serverUrl });
  await admin.connect();
  const name = `attune_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(pgServer.serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const credentials = { email: 'bench@attune.local', password: randomBytes(12).toString('base64url') };
  const common = { ...process.env, NODE_ENV: 'production', PSEUDONYM_SECRET: 'bench-pseudonym-secret-0123456789abcdef', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, JOIN_RATE_LIMIT_MAX: '100000', ...env };
  await capture(process.execPath, [cli, 'seed'], { env: { ...common, ATTUNE_ADMIN_EMAIL: credentials.email, ATTUNE_ADMIN_PASSWORD: credentials.password } });
  const apis = [];
  for (let i = 0; i < apiCount; i += 1) {
    const port = await freePort();
    service(`api${i}`, process.execPath, [apiMain], { env: { ...common, API_PORT: String(port), API_HOST: '127.0.0.1' }, quiet: true });
    apis.push(`http://127.0.0.1:${port}`);
  }
  await Promise.all(apis.map(waitHealthy));
  const version = (await admin.query('SHOW server_version')).rows[0].server_version;
  return {
    databaseUrl,
    apis,
    credentials,
    postgres: version,
    query: async (sql, params) => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      await stopAll();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      await admin.end();
      await pgServer.stop();
    },
  };
}
