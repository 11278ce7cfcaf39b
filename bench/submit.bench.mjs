// P1: final phase submit (validate with libs/survey, score, store in one transaction with its
// idempotency row) through the API, against a raw node:http + pg server running the same SQL on
// the same database and the same participants, in the same run.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { closedLoop, openLoop } from './lib/load.mjs';
import { dyadsInPreSurvey, panasAnswers } from './lib/dyads.mjs';
import { startBenchPlatform } from './lib/platform.mjs';
import { writeResult } from './lib/results.mjs';
import { freePort, repoRoot } from '../scripts/lib/postgres.mjs';
import { service } from '../scripts/lib/processes.mjs';

const MAX_RATE_SUBMITS = 600;
const PACED_SUBMITS = 300;
const CONCURRENCY = 16;

/** Undo the submissions so the baseline meets exactly the same state. */
async function reset(platform) {
  await platform.query(`DELETE FROM phase_submission`);
  await platform.query(`DELETE FROM response`);
  await platform.query(`DELETE FROM rate_limit_bucket`);
  await platform.query(
    `UPDATE study_session SET status = 'pre_survey', conversation_started_at = NULL, conversation_seconds = NULL WHERE status IN ('pre_survey', 'conversation')`,
  );
}

function submits(callers, offset, count) {
  return callers
    .slice(offset, offset + count)
    .map((call, i) => () => call('POST', 'phases/pre/submit', { answers: panasAnswers(offset + i) }, { 'idempotency-key': randomUUID() }));
}

async function measure(callers) {
  const max = await closedLoop(submits(callers, 0, MAX_RATE_SUBMITS), CONCURRENCY);
  const rate = Math.max(1, Math.floor(max.throughput / 2));
  const paced = await openLoop(submits(callers, MAX_RATE_SUBMITS, PACED_SUBMITS), rate);
  return { max, paced: { ratePerSecond: rate, ...paced } };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round2 = (value) => Math.round(value * 100) / 100;

/** The round whose max throughput is the side's median (the lower middle one of an even count). */
function medianRound(rounds) {
  const sorted = [...rounds].sort((a, b) => a.max.throughput - b.max.throughput);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

async function countStored(platform) {
  const [row] = await platform.query(
    `SELECT count(*)::int AS submissions, (SELECT count(*)::int FROM response WHERE submitted_at IS NOT NULL) AS responses FROM phase_submission WHERE state = 'done'`,
  );
  return row;
}

/** The raw node:http + pg server on a free port, once its health answers (5 s at most). */
async function startBaseline(platform) {
  const port = await freePort();
  service('baseline', process.execPath, [join(repoRoot, 'bench/baseline/submit-server.mjs')], {
    cwd: join(repoRoot, 'apps/api'),
    env: { ...process.env, DATABASE_URL: platform.databaseUrl, PORT: String(port) },
    quiet: true,
  });
  const baselineUrl = `http://127.0.0.1:${port}`;
  for (
    let i = 0;
    i < 50 &&
    !(await fetch(`${baselineUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    ));
    i += 1
  )
    await new Promise((r) => setTimeout(r, 100));
  return baselineUrl;
}

// One unmeasured warm-up round per side (the JIT), then ABBA twice: each API round is paired with
// the baseline round next to it, so drift and the machine's neighbours fall on both sides. On a
// shared 2-core machine single rounds swing by ±10 %; the ratio reported is the median of the
// four pairs, and every round is kept in the result.
const ORDER = ['baseline', 'api', 'api', 'baseline', 'baseline', 'api', 'api', 'baseline'];
const PAIRS = [
  [1, 0],
  [2, 3],
  [5, 4],
  [6, 7],
];

async function abbaRounds(platform, tokensOf, baselineUrl) {
  const urlOf = (side) => (side === 'api' ? platform.apis[0] : baselineUrl);
  for (const side of ['baseline', 'api']) {
    await reset(platform);
    await measure(tokensOf(urlOf(side)));
  }
  const measured = [];
  for (const side of ORDER) {
    await reset(platform);
    measured.push(await measure(tokensOf(urlOf(side))));
    if (side === 'api') measured.stored = await countStored(platform);
  }
  const pairRatios = PAIRS.map(([api, baseline]) => round2(measured[api].max.throughput / measured[baseline].max.throughput));
  return {
    api: ORDER.flatMap((side, i) => (side === 'api' ? [measured[i]] : [])),
    baseline: ORDER.flatMap((side, i) => (side === 'baseline' ? [measured[i]] : [])),
    pairRatios,
    stored: measured.stored,
  };
}

function report(platform, rounds) {
  const baseline = medianRound(rounds.baseline);
  const api = medianRound(rounds.api);
  const apiStored = rounds.stored;
  const ratio = round2(median(rounds.pairRatios));
  // A single paced round's p99 is a handful of requests: the median over the rounds, and the worst.
  const p99 = (side) => ({
    median: round2(median(rounds[side].map((r) => r.paced.p99))),
    worst: Math.max(...rounds[side].map((r) => r.paced.p99)),
  });
  const apiP99 = p99('api');
  const baselineP99 = p99('baseline');
  const errors = rounds.api.reduce((n, r) => n + r.max.errors + r.paced.errors, 0);
  const summary =
    `API ${api.max.throughput} submits/s vs raw node:http+pg ${baseline.max.throughput} submits/s (median rounds); ` +
    `ratio ${ratio}× (median of ABBA pairs ${rounds.pairRatios.join(', ')}; goal ≥ 0.85); ` +
    `p99 at 50% of max ${apiP99.median} ms (median of rounds, worst ${apiP99.worst}; goal ≤ 50), errors ${errors}; ` +
    `baseline p99 ${baselineP99.median} ms (worst ${baselineP99.worst}); stored ${apiStored.submissions} submissions / ${apiStored.responses} responses`;
  writeResult(
    'submit',
    {
      figures: api,
      baseline,
      rounds: { api: rounds.api, baseline: rounds.baseline, order: ORDER, pairRatios: rounds.pairRatios },
      ratio: { throughput: ratio, pairs: rounds.pairRatios },
      p99Ms: { api: apiP99, baseline: baselineP99 },
      goal: { throughputRatio: 0.85, p99Ms: 50 },
      stored: { api: apiStored, baseline: { rounds: rounds.baseline.length } },
    },
    summary,
    platform,
  );
  return { rounds, apiStored };
}

export async function run() {
  const platform = await startBenchPlatform({ apiCount: 1 });
  try {
    const members = await dyadsInPreSurvey(platform, MAX_RATE_SUBMITS + PACED_SUBMITS);
    const tokensOf = (api) => members.map((member) => member.retarget(api));
    const baselineUrl = await startBaseline(platform);
    const { rounds, apiStored } = report(platform, await abbaRounds(platform, tokensOf, baselineUrl));
    const errors = rounds.api.reduce((n, r) => n + r.max.errors + r.paced.errors, 0);
    if (errors > 0 || apiStored.submissions !== MAX_RATE_SUBMITS + PACED_SUBMITS) throw new Error('the API lost or refused submissions');
  } finally {
    await platform.stop();
  }
}
