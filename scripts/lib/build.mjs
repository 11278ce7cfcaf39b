import { join } from 'node:path';
import { run } from './processes.mjs';
import { repoRoot } from './postgres.mjs';

export const ciEnv = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NEXT_TELEMETRY_DISABLED: '1' };

/** Builds every project through Nx (cached: a second run with no changes takes about a second). */
export async function buildAll() {
  const code = await run(
    process.execPath,
    [join(repoRoot, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'build', '--outputStyle=static'],
    {
      cwd: repoRoot,
      env: { ...process.env, ...ciEnv },
    },
  );
  if (code !== 0) throw new Error(`build failed (exit ${code})`);
}
