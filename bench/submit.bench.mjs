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

/** The better of two rounds: max throughput and the p99 of the same round. */
function best(results) {
  return results.reduce((a, b) => (b.max.throughput > a.max.throughput ? b : a));
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

// ABBA order (baseline, API, API, baseline) so that warm-up and drift fall on both sides.
async function abbaRounds(platform, tokensOf, baselineUrl) {
  const rounds = { baseline: [], api: [] };
  for (const side of ['baseline', 'api', 'api', 'baseline']) {
    await reset(platform);
    rounds[side].push(await measure(tokensOf(side === 'api' ? platform.apis[0] : baselineUrl)));
    if (side === 'api') rounds.stored = await countStored(platform);
  }
  return rounds;
}

function report(platform, rounds) {
  const baseline = best(rounds.baseline);
  const api = best(rounds.api);
  const apiStored = rounds.stored;
  const baselineStored = { rounds: rounds.baseline.length };
  const ratio = Math.round((api.max.throughput / baseline.max.throughput) * 100) / 100;
  const summary =
    `API ${api.max.throughput} submits/s vs raw node:http+pg ${baseline.max.throughput} submits/s = ${ratio}× (goal ≥ 0.85); ` +
    `p99 at ${api.paced.ratePerSecond}/s (50% of max) ${api.paced.p99} ms (goal ≤ 50), errors ${api.max.errors + api.paced.errors}; ` +
    `baseline p99 at ${baseline.paced.ratePerSecond}/s ${baseline.paced.p99} ms; stored ${apiStored.submissions} submissions / ${apiStored.responses} responses`;
  writeResult(
    'submit',
    {
      figures: api,
      baseline,
      rounds: { api: rounds.api, baseline: rounds.baseline },
      ratio: { throughput: ratio },
      goal: { throughputRatio: 0.85, p99Ms: 50 },
      stored: { api: apiStored, baseline: baselineStored },
    },
    summary,
    platform,
  );
  return { api, apiStored };
}

export async function run() {
  const platform = await startBenchPlatform({ apiCount: 1 });
  try {
    const members = await dyadsInPreSurvey(platform, MAX_RATE_SUBMITS + PACED_SUBMITS);
    const tokensOf = (api) => members.map((member) => member.retarget(api));
    const baselineUrl = await startBaseline(platform);
    const { api, apiStored } = report(platform, await abbaRounds(platform, tokensOf, baselineUrl));
    if (api.max.errors + api.paced.errors > 0 || apiStored.submissions !== MAX_RATE_SUBMITS + PACED_SUBMITS)
      throw new Error('the API lost or refused submissions');
  } finally {
    await platform.stop();
  }
}
