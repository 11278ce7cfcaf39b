// Starts the whole platform (API + web app) against a given database; used by `npm start` and
// by the browser tests in `npm test`.
import { join } from 'node:path';
import { capture, service, stopAll } from './processes.mjs';
import { repoRoot } from './postgres.mjs';

const apiDir = join(repoRoot, 'apps/api');
const webDir = join(repoRoot, 'apps/dashboard');

async function waitForHttp(url, timeoutMs, isReady = (res) => res.ok) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      if (isReady(res)) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s`);
}

/**
 * Applies migrations and first-start data; returns what the seed printed for the banner. With a
 * `runtimeUrl`, `databaseUrl` is the owner's: it migrates and grants the runtime role the API uses.
 */
export async function seed(databaseUrl, env, credentialsFile, runtimeUrl = null) {
  const urls = runtimeUrl ? { DATABASE_URL: runtimeUrl, MIGRATION_DATABASE_URL: databaseUrl } : { DATABASE_URL: databaseUrl };
  const out = await capture(
    process.execPath,
    [join(apiDir, 'dist/cli/cli.js'), 'seed', '--credentials-file', credentialsFile, ...(env.ATTUNE_DEMO === '0' ? [] : ['--demo'])],
    {
      env: { ...process.env, ...env, ...urls },
    },
  );
  const result = { admin: undefined, demo: undefined };
  for (const line of out.split('\n')) {
    const match = /^ATTUNE_SEED (\w+) (.*)$/.exec(line);
    if (match) result[match[1]] = JSON.parse(match[2]);
  }
  return result;
}

export async function startPlatform({ databaseUrl, apiPort, webPort, env = {}, quiet = false, onCrash }) {
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://localhost:${webPort}`;
  const common = { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1' };
  service(
    'api',
    process.execPath,
    [join(apiDir, 'dist/main.js')],
    {
      cwd: apiDir,
      quiet,
      env: { ...common, DATABASE_URL: databaseUrl, API_PORT: String(apiPort), PUBLIC_URL: env.PUBLIC_URL ?? webUrl },
    },
    (code) => onCrash?.('api', code),
  );
  // The web app's own server (apps/dashboard/server): it sets the client address from the socket.
  service(
    'web',
    process.execPath,
    [join(webDir, 'server/index.mjs')],
    {
      cwd: webDir,
      quiet,
      env: { ...common, API_URL: apiUrl, PORT: String(webPort) },
    },
    (code) => onCrash?.('web', code),
  );
  await waitForHttp(`${apiUrl}/api/health`, 60_000);
  await waitForHttp(`${webUrl}/login`, 60_000, (res) => res.status < 500);
  return { apiUrl, webUrl, stop: () => stopAll() };
}
