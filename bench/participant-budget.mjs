// Quality goal P5: the participant survey page ships at most 40 kB (gzip) more JavaScript than an
// empty page of the same Next build, and scores >= 95 for performance in Lighthouse 12.2.3 (mobile,
// median of 3 runs). Measures a running `next start` and writes bench/results/participant-budget.json.
//
//   node bench/participant-budget.mjs [--web-url http://localhost:3000] [--runs 3] [--no-lighthouse]
//
// With ATTUNE_ADMIN_EMAIL and ATTUNE_ADMIN_PASSWORD set (an admin of the running platform), it also
// seeds a participant who is in a pre-survey and runs Lighthouse on /p as that participant.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LIGHTHOUSE = 'lighthouse@12.2.3';
const BUDGET_BYTES = 40_000;
const TARGET_SCORE = 95;
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking ' +
  '--disable-component-update --disable-sync --disable-quic --no-first-run';

function options(argv) {
  const value = (name, fallback) => {
    const index = argv.indexOf(name);
    return index >= 0 && argv[index + 1] ? argv[index + 1] : fallback;
  };
  return {
    webUrl: value('--web-url', process.env.ATTUNE_WEB_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
    runs: Number(value('--runs', '3')),
    lighthouse: !argv.includes('--no-lighthouse'),
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  };
}

// ---- JavaScript of a page: the <script src> chunks its built HTML references ------------------

async function scriptSources(webUrl, path) {
  const response = await fetch(`${webUrl}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const html = await response.text();
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
  return [...new Set(sources)];
}

async function chunkSize(webUrl, src) {
  const response = await fetch(new URL(src, `${webUrl}/`));
  if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  return { src, rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

async function pageJavaScript(webUrl, path) {
  const chunks = await Promise.all((await scriptSources(webUrl, path)).map((src) => chunkSize(webUrl, src)));
  const sum = (key) => chunks.reduce((total, chunk) => total + chunk[key], 0);
  return { path, chunks: chunks.length, rawBytes: sum('rawBytes'), gzipBytes: sum('gzipBytes'), files: chunks };
}

// ---- A participant in a pre-survey, created through the platform's own API ---------------------

class Http {
  constructor(webUrl) {
    this.webUrl = webUrl;
    this.cookies = new Map();
    this.headers = {};
  }

  async call(method, path, body, headers = {}) {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${this.webUrl}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...this.headers, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair.split('=');
      this.cookies.set(name.trim(), rest.join('='));
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : undefined;
  }
}

async function launchedSoloStudy(researcher) {
  const study = await researcher.call('POST', '/studies', { title: `bench P5 ${new Date().toISOString()}`, templateId: 'phone_topic' });
  await researcher.call('PUT', `/studies/${study.id}`, { design: { ...study.design, sessionSize: 1 } });
  await researcher.call('POST', `/studies/${study.id}/launch`);
  return researcher.call('POST', `/studies/${study.id}/sessions`);
}

/** Join, consent, covariates and the instructions of a one-seat session: the pre-survey is open. */
export async function seedSurveyParticipant(webUrl) {
  const email = process.env.ATTUNE_ADMIN_EMAIL;
  const password = process.env.ATTUNE_ADMIN_PASSWORD;
  if (!email || !password) return null;
  const researcher = new Http(webUrl);
  const login = await researcher.call('POST', '/auth/login', { email, password });
  researcher.headers['X-CSRF-Token'] = login.csrfToken;
  const session = await launchedSoloStudy(researcher);
  const secret = session.seats[0].joinPath.split('/').pop();
  const phone = new Http(webUrl);
  const joined = await phone.call('POST', '/participant/join', { seatSecret: secret });
  phone.headers['X-Participant-Token'] = joined.token;
  const state = await phone.call('GET', '/participant/state');
  await phone.call('POST', '/participant/consent', { consentVersion: state.study.consent.version, agree: true });
  const values = Object.fromEntries(state.study.covariateQuestions.map((question) => [question.id, question.levels[0].id]));
  await phone.call('POST', '/participant/covariates', { values });
  await phone.call('POST', '/participant/instructions/confirm');
  const after = await phone.call('GET', '/participant/state');
  if (after.session?.status !== 'pre_survey') throw new Error(`seeded participant is in ${after.session?.status}, not pre_survey`);
  return { token: joined.token, participantId: joined.participantId, entry: `seat:${secret}` };
}

/**
 * A Chromium profile that holds the participant as a phone that joined would: the record in
 * localStorage and its cookie copy for /p's server render (apps/dashboard participant-cookie.ts).
 * Seeded on a JSON URL of the same origin, so no page JavaScript lands in the profile's cache.
 */
export async function seededProfile(webUrl, chromePath, stored) {
  const { chromium } = await import('@playwright/test');
  const dir = mkdtempSync(join(tmpdir(), 'attune-p5-profile-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: chromePath, headless: true, args: ['--no-sandbox'] });
  const page = await context.newPage();
  await page.goto(`${webUrl}/p/instruments/ios/1`);
  await page.evaluate((value) => globalThis.localStorage.setItem('attune.participant.v1', JSON.stringify(value)), stored);
  const expires = Math.floor(Date.now() / 1000) + 30 * 24 * 3600;
  await context.addCookies([
    { name: 'attune_participant', value: stored.token, domain: new URL(webUrl).hostname, path: '/p', expires, sameSite: 'Strict' },
  ]);
  await context.close();
  for (const cache of ['Default/Cache', 'Default/Code Cache']) rmSync(join(dir, cache), { recursive: true, force: true });
  return dir;
}

// ---- Lighthouse ----------------------------------------------------------------------------------

function lighthouseRun(url, chromePath, profile) {
  const out = mkdtempSync(join(tmpdir(), 'attune-p5-lh-'));
  const report = join(out, 'report.json');
  const flags = profile ? `${CHROME_FLAGS} --user-data-dir=${profile}` : CHROME_FLAGS;
  const args = [
    '--yes',
    LIGHTHOUSE,
    url,
    '--quiet',
    '--output=json',
    `--output-path=${report}`,
    '--only-categories=performance',
    `--chrome-flags=${flags}`,
  ];
  if (profile) args.push('--disable-storage-reset');
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: chromePath } });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code}`));
      const lhr = JSON.parse(readFileSync(report, 'utf8'));
      rmSync(out, { recursive: true, force: true });
      if (lhr.runtimeError) return reject(new Error(`lighthouse: ${lhr.runtimeError.code}`));
      resolve(summariseRun(lhr));
    });
  });
}

function summariseRun(lhr) {
  const metric = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcpMs: metric('first-contentful-paint'),
    lcpMs: metric('largest-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    finalUrl: lhr.finalDisplayedUrl,
    heading: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.nodeLabel ?? null,
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `runs` Lighthouse runs; a seeded profile is copied afresh for each, so every run starts cold. */
async function lighthouseSeries(name, url, opts, profile) {
  const runs = [];
  for (let index = 0; index < opts.runs; index += 1) {
    const copy = profile ? mkdtempSync(join(tmpdir(), 'attune-p5-run-')) : null;
    if (copy) cpSync(profile, copy, { recursive: true });
    const loadBefore = loadavg()[0];
    try {
      // The machine's 1-minute load around each run: simulated TBT is measured CPU time × 4.
      runs.push({
        ...(await lighthouseRun(url, opts.chromePath, copy)),
        load1: [loadBefore, loadavg()[0]].map((value) => Math.round(value * 100) / 100),
      });
    } finally {
      if (copy) rmSync(copy, { recursive: true, force: true });
    }
    process.stderr.write(
      `lighthouse ${name} run ${index + 1}: ${runs.at(-1).score} (TBT ${Math.round(runs.at(-1).tbtMs)} ms, load ${runs.at(-1).load1.join(' → ')})\n`,
    );
  }
  return { name, url, runs, medianScore: median(runs.map((run) => run.score)), medianTbtMs: median(runs.map((run) => run.tbtMs)) };
}

// ---- Main ----------------------------------------------------------------------------------------

function gitSha() {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function lighthouseSection(opts) {
  if (!opts.lighthouse) return null;
  const series = [await lighthouseSeries('no-session', `${opts.webUrl}/p`, opts, null)];
  const seeded = await seedSurveyParticipant(opts.webUrl);
  if (seeded) {
    const profile = await seededProfile(opts.webUrl, opts.chromePath, seeded);
    try {
      series.push(await lighthouseSeries('pre-survey', `${opts.webUrl}/p`, opts, profile));
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  } else {
    process.stderr.write('ATTUNE_ADMIN_EMAIL/ATTUNE_ADMIN_PASSWORD not set: Lighthouse ran on the no-session screen only\n');
  }
  return { version: LIGHTHOUSE, formFactor: 'mobile (Lighthouse default, simulated throttling)', target: TARGET_SCORE, series };
}

function summaryLine(result) {
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  const { js, lighthouse } = result;
  const jsPart =
    `JS gzip /p ${kb(js.participant.gzipBytes)} vs baseline ${kb(js.baseline.gzipBytes)}: +${kb(js.deltaGzipBytes)} ` +
    `(budget +${kb(BUDGET_BYTES)}) ${js.withinBudget ? 'OK' : 'OVER'}`;
  const lhPart = lighthouse
    ? lighthouse.series
        .map((series) => `${series.name} ${series.runs.map((run) => run.score).join('/')} median ${series.medianScore}`)
        .join('; ')
    : 'not run';
  return `P5 participant budget: ${jsPart}; Lighthouse perf ${lhPart} (target ${TARGET_SCORE})`;
}

async function main() {
  const opts = options(process.argv.slice(2));
  const [baseline, participant] = await Promise.all([pageJavaScript(opts.webUrl, '/budget-baseline'), pageJavaScript(opts.webUrl, '/p')]);
  const deltaGzipBytes = participant.gzipBytes - baseline.gzipBytes;
  const js = {
    baseline,
    participant,
    deltaGzipBytes,
    budgetBytes: BUDGET_BYTES,
    withinBudget: deltaGzipBytes <= BUDGET_BYTES,
    ratio: participant.gzipBytes / baseline.gzipBytes,
  };
  const lighthouse = await lighthouseSection(opts);
  const result = {
    name: 'P5 participant page budget',
    date: new Date().toISOString(),
    gitSha: gitSha(),
    node: process.version,
    webUrl: opts.webUrl,
    js,
    lighthouse,
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/participant-budget.json'), `${JSON.stringify(result, null, 2)}\n`);
  const passed = js.withinBudget && (!lighthouse || lighthouse.series.every((series) => series.medianScore >= TARGET_SCORE));
  process.stdout.write(`${summaryLine(result)}\n`);
  process.exitCode = passed ? 0 : 1;
}

// Importable (the seeding helpers help to look into one Lighthouse run by hand); runs when invoked.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    process.stderr.write(`participant-budget: ${error.message}\n`);
    process.exitCode = 1;
  });
}
