import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './processes.mjs';
import { repoRoot, resolveAppDatabase, waitForDatabase } from './postgres.mjs';

const cli = join(repoRoot, 'apps/api/dist/cli/cli.js');

async function databaseFor() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  // A running `npm start` already owns the embedded cluster: use it instead of starting another.
  const port = Number(process.env.EMBEDDED_PG_PORT || 54329);
  const { readFileSync } = await import('node:fs');
  const credentials = join(repoRoot, '.data', 'credentials');
  if (existsSync(credentials)) {
    const url = `postgres://postgres:${encodeURIComponent(readFileSync(credentials, 'utf8').trim())}@127.0.0.1:${port}/attune`;
    try {
      await waitForDatabase(url, 1000);
      return { url, stop: async () => undefined };
    } catch {
      // not running: start it below
    }
  }
  return resolveAppDatabase();
}

export async function runCli(args) {
  if (!existsSync(cli)) {
    process.stderr.write('attune: the API is not built yet; run `npm run build` (or `npm start` once)\n');
    return 1;
  }
  const database = await databaseFor();
  try {
    return await run(process.execPath, [cli, ...args], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    });
  } finally {
    await database.stop();
  }
}
