// `npm test`: builds, lints, type-checks, runs unit and integration tests on a real PostgreSQL
// (DATABASE_URL's server when set, otherwise embedded), then the browser journeys against the
// running platform. Ends with one plain "N passed, N failed" line; exits non-zero on any failure.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { buildAll, ciEnv } from './lib/build.mjs';
import { seed, startPlatform } from './lib/platform.mjs';
import { dataRoot, freePort, repoRoot, runtimeUrlOf, startEmbedded, waitForDatabase } from './lib/postgres.mjs';
import { run, stopAll } from './lib/processes.mjs';

const resultsDir = join(dataRoot, 'test-results');
const tally = { passed: 0, failed: 0, skipped: 0, lines: [] };
const node = process.execPath;
const bin = (path) => join(repoRoot, 'node_modules', path);

function record(name, passed, failed, skipped = 0) {
  tally.passed += passed;
  tally.failed += failed;
  tally.skipped += skipped;
  tally.lines.push(`${failed ? 'FAIL' : 'ok  '} ${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

async function check(name, command, args, options = {}) {
  process.stdout.write(`\n=== ${name}\n`);
  const code = await run(command, args, { cwd: repoRoot, env: { ...process.env, ...ciEnv, ...options.env } });
  record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

async function jest(name, config, env) {
  const output = join(resultsDir, `${name}.json`);
  rmSync(output, { force: true });
  process.stdout.write(`\n=== ${name} tests\n`);
  const code = await run(node, [bin('jest/bin/jest.js'), '-c', config, '--json', '--outputFile', output], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
  });
  if (!existsSync(output)) return record(`${name} tests`, 0, 1);
  const report = JSON.parse(readFileSync(output, 'utf8'));
  // A suite that fails to load has no test results; count it as one failure so it is never lost.
  const brokenSuites = report.numRuntimeErrorTestSuites ?? 0;
  record(
    `${name} tests`,
    report.numPassedTests,
    report.numFailedTests + brokenSuites + (code !== 0 && report.numFailedTests + brokenSuites === 0 ? 1 : 0),
    report.numPendingTests,
  );
}

async function testServer() {
  if (process.env.DATABASE_URL) {
    await waitForDatabase(process.env.DATABASE_URL);
    return { serverUrl: process.env.DATABASE_URL, stop: async () => undefined };
  }
  return startEmbedded({ name: 'pg-test', port: await freePort() });
}

async function withDatabase(serverUrl, work) {
  const name = `attune_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

async function e2e(serverUrl) {
  process.stdout.write('\n=== browser journeys (Playwright, Debian Chromium)\n');
  await withDatabase(serverUrl, async (databaseUrl) => {
    const admin = { ATTUNE_ADMIN_EMAIL: 'e2e-admin@attune.local', ATTUNE_ADMIN_PASSWORD: randomBytes(12).toString('base64url') };
    // The journeys run the API as a runtime role, as npm start and docker-compose do.
    const runtimeUrl = runtimeUrlOf(databaseUrl, 'attune_e2e_app', randomBytes(12).toString('base64url'));
    await seed(databaseUrl, admin, join(resultsDir, 'e2e-admin-credentials'), runtimeUrl);
    const platform = await startPlatform({
      databaseUrl: runtimeUrl,
      apiPort: await freePort(),
      webPort: await freePort(),
      quiet: true,
      env: { LOG_LEVEL: 'warn' },
    });
    try {
      const output = join(repoRoot, 'e2e/test-results/results.json');
      rmSync(output, { force: true });
      await run(node, [bin('@playwright/test/cli.js'), 'test', '-c', join(repoRoot, 'e2e/playwright.config.ts')], {
        cwd: join(repoRoot, 'e2e'),
        env: { ...process.env, ...admin, ATTUNE_WEB_URL: platform.webUrl, ATTUNE_API_URL: platform.apiUrl },
      });
      if (!existsSync(output)) return record('browser journeys', 0, 1);
      const { stats } = JSON.parse(readFileSync(output, 'utf8'));
      record('browser journeys', stats.expected + stats.flaky, stats.unexpected, stats.skipped);
    } finally {
      await platform.stop();
    }
  });
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  await buildAll();
  await check('format (Prettier)', 'npm', ['run', 'format:check', '--silent']);
  await check('lint and module boundaries', 'npm', ['run', 'lint', '--silent']);
  await check('type-check', 'npm', ['run', 'typecheck', '--silent']);
  await jest('survey', join(repoRoot, 'libs/survey/jest.config.cjs'), {});
  await jest('analysis', join(repoRoot, 'libs/analysis/jest.config.cjs'), {});
  await jest('dashboard', join(repoRoot, 'apps/dashboard/jest.config.cjs'), {});
  const server = await testServer();
  try {
    await jest('api', join(repoRoot, 'apps/api/jest.config.cjs'), { ATTUNE_TEST_SERVER_URL: server.serverUrl });
    await e2e(server.serverUrl);
  } finally {
    await stopAll();
    await server.stop();
  }
}

main()
  .catch((error) => {
    process.stderr.write(`\nattune test: ${error.message}\n`);
    record('test harness', 0, 1);
  })
  .finally(() => {
    process.stdout.write(`\n${tally.lines.join('\n')}\n\n`);
    process.stdout.write(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}\n`);
    process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1);
  });
