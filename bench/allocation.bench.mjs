// P2: 200 concurrent session completions across 2 API processes. Each measured request is the
// last seat's covariate answer, which allocates its session inside one transaction. Baseline in
// the same run: the same request for the first seat, which allocates nothing.
import { burst, openLoop } from './lib/load.mjs';
import { expectOk, inBatches, launchedStudy, researcher, seated } from './lib/flows.mjs';
import { startBenchPlatform } from './lib/platform.mjs';
import { writeResult } from './lib/results.mjs';

const SESSIONS = 200;
const RATE = 100;

async function prepare(platform) {
  const call = await researcher(platform.apis[0], platform.credentials);
  const study = await launchedStudy(call, 'phone_seating');
  const levels = ['strangers', 'acquainted'];
  return inBatches(Array.from({ length: SESSIONS }, (_, i) => i), 20, async (i) => {
    const api = platform.apis[i % platform.apis.length];
    const session = await call('POST', `/api/studies/${study.id}/sessions`);
    const [first, second] = await Promise.all(session.seats.map((seat) => seated(api, seat.joinPath, study.design.consent.version)));
    const value = { values: { acquainted: levels[i % 2] } };
    return { first: () => first('POST', 'covariates', value), second: () => second('POST', 'covariates', value), studyId: study.id };
  });
}

async function checkIntegrity(platform, studyId) {
  const [row] = await platform.query(
    `SELECT count(*)::int AS allocations, count(DISTINCT session_id)::int AS sessions,
            bool_and(sequence_index < n) AS contiguous
       FROM allocation a JOIN (SELECT stratum, count(*) AS n FROM allocation WHERE study_id = $1 GROUP BY stratum) s USING (stratum)
      WHERE a.study_id = $1`, [studyId]);
  const [shared] = await platform.query(
    `SELECT count(*)::int AS mismatched FROM study_session s JOIN allocation a ON a.session_id = s.id WHERE s.study_id = $1 AND s.condition_id <> a.condition_id`, [studyId]);
  return { ...row, conditionMismatches: shared.mismatched };
}

export async function run() {
  const platform = await startBenchPlatform({ apiCount: 2 });
  try {
    const sessions = await prepare(platform);
    const baseline = await burst(sessions.map((s) => s.first));
    const measured = await burst(sessions.map((s) => s.second));
    // The same 200 completions again, arriving at a steady RATE per second instead of all at once.
    const paced = await prepare(platform);
    const pacedBaseline = await openLoop(paced.map((s) => s.first), RATE);
    const pacedMeasured = await openLoop(paced.map((s) => s.second), RATE);
    const integrity = await checkIntegrity(platform, sessions[0].studyId);
    const pacedIntegrity = await checkIntegrity(platform, paced[0].studyId);
    const doubleAllocations = integrity.allocations - integrity.sessions;
    const summary = `${SESSIONS} concurrent completions over 2 API processes: ${measured.throughput} allocations/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms (goal ≤ 100), errors ${measured.errors}; `
      + `baseline (same request, no allocation) p50 ${baseline.p50} ms, p99 ${baseline.p99} ms; `
      + `paced at ${RATE}/s: p50 ${pacedMeasured.p50} ms, p99 ${pacedMeasured.p99} ms (baseline p99 ${pacedBaseline.p99} ms); `
      + `allocations ${integrity.allocations}, double ${doubleAllocations}, condition mismatches ${integrity.conditionMismatches}`;
    writeResult('allocation', {
      figures: measured, baseline, paced: { ratePerSecond: RATE, figures: pacedMeasured, baseline: pacedBaseline }, goal: { p99Ms: 100, doubleAllocations: 0 }, integrity: { ...integrity, doubleAllocations },
      ratio: { p99VsBaseline: Math.round((measured.p99 / baseline.p99) * 100) / 100 },
    }, summary, platform);
    for (const check of [integrity, pacedIntegrity]) {
      if (check.allocations !== SESSIONS || check.allocations !== check.sessions || !check.contiguous || check.conditionMismatches !== 0) throw new Error(`integrity check failed: ${JSON.stringify(check)}`);
    }
  } finally {
    await platform.stop();
  }
}

export { expectOk };
