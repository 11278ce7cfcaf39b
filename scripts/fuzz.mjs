// `npm run fuzz [-- --count N --seed S]`: malformed requests generated from apps/api/openapi.json,
// sent as each kind of caller, against a running API. Fails on any 5xx, any 4xx that is not
// application/problem+json, or an unknown field accepted; writes bench/results/fuzz.json.
//
// Against an instance you run: ATTUNE_API_URL, ATTUNE_ADMIN_EMAIL and ATTUNE_ADMIN_PASSWORD (the
// fuzz creates its own accounts and studies there). Without ATTUNE_API_URL it builds the API and
// starts one on a fresh database (DATABASE_URL's server, or the embedded one).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { fuzzReport, generateCases, prepareFuzz, runCases } from './lib/fuzz-index.mjs';
import { seed } from './lib/platform.mjs';
import { dataRoot, freePort, repoRoot, startEmbedded, waitForDatabase } from './lib/postgres.mjs';
import { run, service, stopAll } from './lib/processes.mjs';

const { values: options } = parseArgs({
  options: {
    count: { type: 'string', default: '10500' },
    seed: { type: 'string', default: '20261203' },
    concurrency: { type: 'string', default: '8' },
  },
});

async function waitForHealth(apiUrl, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${apiUrl}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${apiUrl} did not become healthy`);
}

async function freshDatabase() {
  const server = process.env.DATABASE_URL
    ? { serverUrl: process.env.DATABASE_URL, stop: async () => undefined }
    : await startEmbedded({ name: 'pg-test', port: await freePort() });
  await waitForDatabase(server.serverUrl);
  const name = `attune_fuzz_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server.serverUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await server.stop();
  };
  return { url: url.toString(), drop };
}

/** Builds the API, starts it on a fresh database with a new admin; returns how to reach and stop it. */
async function ownInstance() {
  if ((await run('npm', ['run', 'build', '-w', '@attune/api', '--silent'], { cwd: repoRoot })) !== 0) throw new Error('API build failed');
  const database = await freshDatabase();
  const admin = { email: 'fuzz-admin@attune.local', password: `fuzz ${randomBytes(12).toString('base64url')}` };
  mkdirSync(dataRoot, { recursive: true });
  await seed(
    database.url,
    { ATTUNE_ADMIN_EMAIL: admin.email, ATTUNE_ADMIN_PASSWORD: admin.password, ATTUNE_DEMO: '0' },
    join(dataRoot, 'fuzz-admin-credentials'),
  );
  const port = await freePort();
  const apiDir = join(repoRoot, 'apps/api');
  service('api', process.execPath, [join(apiDir, 'dist/main.js')], {
    cwd: apiDir,
    quiet: true,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      API_PORT: String(port),
      LOG_LEVEL: 'silent',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
  });
  const apiUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(apiUrl);
  return {
    apiUrl,
    admin,
    stop: async () => {
      await stopAll();
      await database.drop();
    },
  };
}

function externalInstance() {
  const { ATTUNE_API_URL: apiUrl, ATTUNE_ADMIN_EMAIL: email, ATTUNE_ADMIN_PASSWORD: password } = process.env;
  if (!email || !password) throw new Error('ATTUNE_API_URL needs ATTUNE_ADMIN_EMAIL and ATTUNE_ADMIN_PASSWORD');
  return { apiUrl: apiUrl.replace(/\/$/, ''), admin: { email, password }, stop: async () => undefined };
}

async function main() {
  const instance = process.env.ATTUNE_API_URL ? externalInstance() : await ownInstance();
  try {
    const doc = JSON.parse(readFileSync(join(repoRoot, 'apps/api/openapi.json'), 'utf8'));
    const bodyLimitBytes = Number(process.env.BODY_LIMIT_BYTES || 1024 * 1024);
    const context = await prepareFuzz(instance.apiUrl, instance.admin, { bodyLimitBytes });
    const cases = generateCases(doc, { seed: Number(options.seed), count: Number(options.count), context });
    const started = Date.now();
    const summary = await runCases(instance.apiUrl, cases, {
      concurrency: Number(options.concurrency),
      onProgress: (s) => process.stdout.write(`fuzz: ${s.requests}/${cases.length}, ${s.failures.length} failing\n`),
    });
    const report = fuzzReport(summary, cases, {
      seed: Number(options.seed),
      seconds: Math.round((Date.now() - started) / 100) / 10,
      target: 'a running API over HTTP',
    });
    mkdirSync(join(repoRoot, 'bench/results'), { recursive: true });
    writeFileSync(join(repoRoot, 'bench/results/fuzz.json'), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(
      `fuzz: ${report.requests} requests in ${report.seconds} s; 5xx ${report.serverErrors}, 4xx without problem+json ${report.nonProblem4xx}, unknown fields accepted ${report.unknownAccepted}\n`,
    );
    for (const failure of report.failures.slice(0, 20))
      process.stdout.write(`  #${failure.id} ${failure.caller} ${failure.kind} ${failure.op}: ${failure.reason}\n`);
    return summary.failures.length === 0;
  } finally {
    await instance.stop();
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    process.stderr.write(`attune fuzz: ${error.message}\n`);
    process.exit(1);
  },
);
