// A benchmark's own PostgreSQL database and API processes, torn down afterwards.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { existsSync, readFileSync } from 'node:fs';
import { dataRoot, freePort, repoRoot, startEmbedded, waitForDatabase } from '../../scripts/lib/postgres.mjs';
import { capture, service, stopAll } from '../../scripts/lib/processes.mjs';

const apiMain = join(repoRoot, 'apps/api/dist/main.js');
const cli = join(repoRoot, 'apps/api/dist/cli/cli.js');

async function server() {
  if (process.env.DATABASE_URL) {
    await waitForDatabase(process.env.DATABASE_URL);
    return { serverUrl: process.env.DATABASE_URL, stop: async () => undefined, embedded: false };
  }
  const port = await freePort();
  const first = await startEmbedded({ name: 'pg-bench', port });
  let current = first;
  return {
    serverUrl: first.serverUrl,
    embedded: true,
    stop: () => current.stop(),
    /** `pg_ctl stop -m immediate` semantics: SIGQUIT to the postmaster, no clean shutdown; then start again. */
    crashAndRestart: async (downMs) => {
      const pid = Number(readFileSync(join(dataRoot, 'pg-bench', 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGQUIT');
      while (existsSync(join(dataRoot, 'pg-bench', 'postmaster.pid'))) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, downMs));
      current = await startEmbedded({ name: 'pg-bench', port });
      return Date.now();
    },
  };
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

/** A new, empty database on the server, and the admin connection that created it (kept to drop it). */
async function createDatabase(pgServer) {
  const admin = new pg.Client({ connectionString: pgServer.serverUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  await admin.query('SELECT 1');
  const name = `attune_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(pgServer.serverUrl);
  url.pathname = `/${name}`;
  return { admin, name, databaseUrl: url.toString() };
}

/** Migrates the database and creates the admin the benchmarks log in as. */
async function seedAdmin(common) {
  const credentials = { email: 'bench@attune.local', password: randomBytes(12).toString('base64url') };
  await capture(process.execPath, [cli, 'seed'], {
    env: { ...common, ATTUNE_ADMIN_EMAIL: credentials.email, ATTUNE_ADMIN_PASSWORD: credentials.password },
  });
  return credentials;
}

/** `apiCount` API processes, each on its own port; `spawnApi` starts one again on the same port. */
async function startApis(apiCount, common, nodeArgs) {
  const apis = [];
  const children = [];
  const spawnApi = (i, port) => {
    children[i] = service(`api${i}`, process.execPath, [...nodeArgs, apiMain], {
      env: { ...common, API_PORT: String(port), API_HOST: '127.0.0.1' },
      quiet: true,
    });
  };
  for (let i = 0; i < apiCount; i += 1) {
    const port = await freePort();
    spawnApi(i, port);
    apis.push(`http://127.0.0.1:${port}`);
  }
  await Promise.all(apis.map(waitHealthy));
  return { apis, children, spawnApi };
}

function queryOn(databaseUrl) {
  return async (sql, params) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
}

async function teardown(pgServer, admin, name) {
  await stopAll();
  await admin.end().catch(() => undefined);
  // A fresh connection: the first one may have died with a crashed server.
  const dropper = new pg.Client({ connectionString: pgServer.serverUrl });
  dropper.on('error', () => undefined);
  await dropper
    .connect()
    .then(() => dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
    .catch(() => undefined);
  await dropper.end().catch(() => undefined);
  await pgServer.stop();
}

/**
 * A fresh, migrated database with an admin, and `apiCount` API processes on it.
 * `env` is passed to the API processes (e.g. a higher rate limit for load), `nodeArgs` to their
 * node (e.g. --cpu-prof).
 */
export async function startBenchPlatform({ apiCount = 1, env = {}, nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ') ?? [] } = {}) {
  const pgServer = await server();
  const { admin, name, databaseUrl } = await createDatabase(pgServer);
  const common = {
    ...process.env,
    NODE_ENV: 'production',
    PSEUDONYM_SECRET: 'bench-pseudonym-secret-0123456789abcdef',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    JOIN_RATE_LIMIT_MAX: '100000',
    ...env,
  };
  const credentials = await seedAdmin(common);
  const { apis, children, spawnApi } = await startApis(apiCount, common, nodeArgs);
  const version = (await admin.query('SHOW server_version')).rows[0].server_version;
  return {
    databaseUrl,
    apis,
    credentials,
    postgres: version,
    query: queryOn(databaseUrl),
    /** kill -9 of one API process, then the same command again on the same port. */
    killApi: (i) => children[i].kill('SIGKILL'),
    restartApi: async (i) => {
      spawnApi(i, Number(new URL(apis[i]).port));
      await waitHealthy(apis[i]);
    },
    waitHealthy,
    crashDatabase: pgServer.embedded ? pgServer.crashAndRestart : undefined,
    stop: () => teardown(pgServer, admin, name),
  };
}
