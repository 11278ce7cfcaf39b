// Researcher pages against a running web app (`npm start` of the build under test):
//   DATABASE_URL=… ATTUNE_ADMIN_EMAIL=… ATTUNE_ADMIN_PASSWORD=… node bench/researcher-pages.mjs --web-url http://localhost:3000 [--runs 3]
// 1. The results page of a 2 × 2 study with 10,000 participants (5,000 dyads, IOS before and
//    after, rows seeded by SQL as in `npm run bench -- results`): time until the server-rendered
//    HTML (every table and number; the charts hydrate after) has arrived, 10 requests, p50/p95.
// 2. Lighthouse 12.2.3, desktop preset, performance only, on the simulated demo study's results
//    page (median of --runs), signed in through a cookie header.
// Writes bench/results/researcher-pages.json and prints one line.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { writeResult } from './lib/results.mjs';
import { summarise } from './lib/stats.mjs';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --disable-quic --no-first-run';
const SESSIONS = 5000;

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

async function signIn(webUrl) {
  const res = await fetch(`${webUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: process.env.ATTUNE_ADMIN_EMAIL, password: process.env.ATTUNE_ADMIN_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login: ${res.status}`);
  const { csrfToken } = await res.json();
  return {
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    csrfToken,
  };
}

async function api(webUrl, auth, method, path, body) {
  const res = await fetch(`${webUrl}/api${path}`, {
    method,
    headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

/** The same rows as bench/results.bench.mjs seeds: complete dyads with IOS scores before and after. */
async function bigStudy(webUrl, auth) {
  const created = await api(webUrl, auth, 'POST', '/studies', { title: 'bench: 10,000 participants', templateId: 'phone_topic' });
  await api(webUrl, auth, 'PUT', `/studies/${created.id}`, {
    design: { ...created.design, instruments: { pre: [{ id: 'ios', version: 2 }], post: [{ id: 'ios', version: 2 }] } },
  });
  await api(webUrl, auth, 'POST', `/studies/${created.id}/launch`);
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const seed = readFileSync(new URL('./results.bench.mjs', import.meta.url), 'utf8').match(/const SEED = `([\s\S]*?)`;/)[1];
    await db.query(seed, [created.id, SESSIONS]);
    await db.query('ANALYZE');
  } finally {
    await db.end();
  }
  return created.id;
}

async function htmlTimes(url, cookie) {
  const latencies = [];
  for (let i = 0; i < 12; i += 1) {
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const html = await res.text();
    if (!res.ok || !html.includes('data-testid="scale-result"')) throw new Error(`results page: ${res.status}`);
    if (i >= 2) latencies.push(performance.now() - started);
  }
  return summarise(
    latencies,
    latencies.reduce((a, b) => a + b, 0),
    0,
  );
}

function lighthouse(url, cookie) {
  const out = mkdtempSync(join(tmpdir(), 'attune-lh-'));
  const report = join(out, 'report.json');
  const args = [
    '--yes',
    LIGHTHOUSE,
    url,
    '--quiet',
    '--preset=desktop',
    '--output=json',
    `--output-path=${report}`,
    '--only-categories=performance',
    `--chrome-flags=${CHROME_FLAGS}`,
    `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code}`));
      const lhr = JSON.parse(readFileSync(report, 'utf8'));
      rmSync(out, { recursive: true, force: true });
      if (lhr.runtimeError) return reject(new Error(`lighthouse: ${lhr.runtimeError.code}`));
      resolve({
        score: Math.round((lhr.categories.performance.score ?? 0) * 100),
        lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? null,
        tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? null,
      });
    });
  });
}

const webUrl = option('--web-url', 'http://localhost:3000');
const runs = Number(option('--runs', '3'));
const auth = await signIn(webUrl);
const big = await bigStudy(webUrl, auth);
const html = await htmlTimes(`${webUrl}/studies/${big}/results`, auth.cookie);
const studies = await api(webUrl, auth, 'GET', '/studies');
const demo = studies.find((study) => study.title.startsWith('SIMULATED'));
if (!demo) throw new Error('no simulated demo study: run against a database seeded by npm start');
const scores = [];
for (let i = 0; i < runs; i += 1) scores.push(await lighthouse(`${webUrl}/studies/${demo.id}/results`, auth.cookie));
const median = [...scores].sort((a, b) => a.score - b.score)[Math.floor(scores.length / 2)];
writeResult(
  'researcher-pages',
  {
    bigStudy: { sessions: SESSIONS, participants: SESSIONS * 2, resultsHtml: html },
    demoResultsLighthouse: { runs: scores, median: median.score },
    goal: { bigStudyMs: 1000, lighthouseDesktop: 90 },
    met: html.p95 <= 1000 && median.score >= 90,
  },
  `results page, 10,000 participants: HTML p50 ${html.p50} ms, p95 ${html.p95} ms (goal ≤ 1,000 ms); demo results page Lighthouse desktop ${scores.map((s) => s.score).join('/')} median ${median.score} (goal ≥ 90)`,
  { postgres: 'see DATABASE_URL' },
);
