// P2: 200 concurrent requests across 2 API processes. Half are the last seat's covariate answer,
// which allocates its session inside one transaction; the other half, in the same burst, are the
// same request for another session's first seat, which allocates nothing (the baseline). The
// burst is reported as the ratio of the two; a second run arrives paced at RATE per second.
import { burst, openLoop } from './lib/load.mjs';
import { summarise } from './lib/stats.mjs';
import { expectOk, inBatches, launchedStudy, researcher, seated } from './lib/flows.mjs';
import { startBenchPlatform } from './lib/platform.mjs';
import { writeResult } from './lib/results.mjs';

const SESSIONS = 200;
const RATE = 100;

async function prepare(platform) {
  const call = await researcher(platform.apis[0], platform.credentials);
  const study = await launchedStudy(call, 'phone_seating');
  const levels = ['strangers', 'acquainted'];
  return inBatches(
    Array.from({ length: SESSIONS }, (_, i) => i),
    20,
    async (i) => {
      const api = platform.apis[i % platform.apis.length];
      const session = await call('POST', `/api/studies/${study.id}/sessions`);
      const [first, second] = await Promise.all(session.seats.map((seat) => seated(api, seat.joinPath, study.design.consent.version)));
      const value = { values: { acquainted: levels[i % 2] } };
      return { first: () => first('POST', 'covariates', value), second: () => second('POST', 'covariates', value), studyId: study.id };
    },
  );
}

async function checkIntegrity(platform, studyId) {
  const [row] = await platform.query(
    `SELECT count(*)::int AS allocations, count(DISTINCT session_id)::int AS sessions,
            bool_and(sequence_index < n) AS contiguous
       FROM allocation a JOIN (SELECT stratum, count(*) AS n FROM allocation WHERE study_id = $1 GROUP BY stratum) s USING (stratum)
      WHERE a.study_id = $1`,
    [studyId],
  );
  const [shared] = await platform.query(
    `SELECT count(*)::int AS mismatched FROM study_session s JOIN allocation a ON a.session_id = s.id WHERE s.study_id = $1 AND s.condition_id <> a.condition_id`,
    [studyId],
  );
  return { ...row, conditionMismatches: shared.mismatched };
}

/** One burst of both kinds at once, each request timed on its own. */
async function mixedBurst(allocating, plain) {
  const latencies = { allocating: [], plain: [] };
  const timedAs = (kind) => (request) => async () => {
    const started = process.hrtime.bigint();
    const result = await request();
    latencies[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
    return result;
  };
  const requests = allocating.map(timedAs('allocating')).flatMap((request, i) => [request, timedAs('plain')(plain[i])]);
  const all = await burst(requests);
  return {
    measured: summarise(latencies.allocating, all.elapsedMs, 0),
    baseline: summarise(latencies.plain, all.elapsedMs, 0),
    errors: all.errors,
  };
}

/** Half the sessions allocate while the other half do not, in one burst; each half then finishes. */
async function halvesInOneBurst(sessions) {
  const half = SESSIONS / 2;
  await burst(sessions.slice(0, half).map((s) => s.first));
  const mixed = await mixedBurst(
    sessions.slice(0, half).map((s) => s.second),
    sessions.slice(half).map((s) => s.first),
  );
  await burst(sessions.slice(half).map((s) => s.second));
  return mixed;
}

// The same 200 completions again, arriving at a steady RATE per second instead of all at once.
async function pacedRun(platform) {
  const paced = await prepare(platform);
  const baseline = await openLoop(
    paced.map((s) => s.first),
    RATE,
  );
  const measured = await openLoop(
    paced.map((s) => s.second),
    RATE,
  );
  return { studyId: paced[0].studyId, baseline, measured };
}

function report(platform, { measured, baseline }, paced, integrity) {
  const half = SESSIONS / 2;
  const doubleAllocations = integrity.allocations - integrity.sessions;
  const ratio = {
    p50VsBaseline: Math.round((measured.p50 / baseline.p50) * 100) / 100,
    p99VsBaseline: Math.round((measured.p99 / baseline.p99) * 100) / 100,
  };
  const summary =
    `burst of ${SESSIONS} over 2 API processes: ${half} allocating p50 ${measured.p50} ms, p99 ${measured.p99} ms vs ${half} non-allocating in the same burst p50 ${baseline.p50} ms, p99 ${baseline.p99} ms = ${ratio.p50VsBaseline}× at p50, ${ratio.p99VsBaseline}× at p99 (goal ≤ 1.3×); ` +
    `paced at ${RATE}/s: p50 ${paced.measured.p50} ms, p99 ${paced.measured.p99} ms (baseline p99 ${paced.baseline.p99} ms); ` +
    `allocations ${integrity.allocations}, double ${doubleAllocations}, condition mismatches ${integrity.conditionMismatches}`;
  writeResult(
    'allocation',
    {
      figures: measured,
      baseline,
      paced: { ratePerSecond: RATE, figures: paced.measured, baseline: paced.baseline },
      goal: { burstRatio: 1.3, pacedP99Ms: 100, doubleAllocations: 0 },
      integrity: { ...integrity, doubleAllocations },
      ratio,
      goalRatio: 1.3,
    },
    summary,
    platform,
  );
}

export async function run() {
  const platform = await startBenchPlatform({ apiCount: 2 });
  try {
    const sessions = await prepare(platform);
    const burstFigures = await halvesInOneBurst(sessions);
    const paced = await pacedRun(platform);
    const integrity = await checkIntegrity(platform, sessions[0].studyId);
    const pacedIntegrity = await checkIntegrity(platform, paced.studyId);
    report(platform, burstFigures, paced, integrity);
    for (const check of [integrity, pacedIntegrity]) {
      if (check.allocations !== SESSIONS || check.allocations !== check.sessions || !check.contiguous || check.conditionMismatches !== 0)
        throw new Error(`integrity check failed: ${JSON.stringify(check)}`);
    }
  } finally {
    await platform.stop();
  }
}

export { expectOk };
