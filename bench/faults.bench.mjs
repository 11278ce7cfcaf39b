// R1: faults under load. Participants submit their pre-survey with one Idempotency-Key each and
// retry (same key) through any API process until acknowledged. Meanwhile: kill -9 of an API
// process, pg_terminate_backend of every app connection, and an immediate PostgreSQL stop and
// restart (embedded cluster only). Afterwards the client's ledger of acknowledged (2xx) answers
// is reconciled against the database.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { dyadsInPreSurvey, panasAnswers } from './lib/dyads.mjs';
import { openLoop } from './lib/load.mjs';
import { startBenchPlatform } from './lib/platform.mjs';
import { writeResult } from './lib/results.mjs';

const PARTICIPANTS = 400;
const RATE = 40;
const GIVE_UP_MS = 60_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One phone: same key on every retry, any API process, backoff; resolves when acknowledged. */
function submitter(member, index, platform, ledger) {
  const key = randomUUID();
  return async () => {
    const started = Date.now();
    for (let attempt = 0; Date.now() - started < GIVE_UP_MS; attempt += 1) {
      const api = platform.apis[(index + attempt) % platform.apis.length];
      try {
        const res = await member.retarget(api)('POST', 'phases/pre/submit', { answers: panasAnswers(index) }, { 'idempotency-key': key });
        if (res.status === 201) {
          ledger.acked.add(index);
          ledger.retries += attempt;
          return res;
        }
        if (res.status < 500 && res.status !== 409 && res.status !== 429) throw new Error(`unexpected ${res.status} ${await res.text()}`);
      } catch (error) {
        if (String(error.message).startsWith('unexpected')) throw error;
      }
      await sleep(Math.min(1000, 50 * 2 ** attempt));
    }
    ledger.gaveUp += 1;
    return { ok: false };
  };
}

async function terminateBackends(platform) {
  const admin = new pg.Client({ connectionString: platform.databaseUrl.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  const { rows } = await admin.query(
    'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [new URL(platform.databaseUrl).pathname.slice(1)],
  );
  await admin.end();
  return rows[0].n;
}

async function faults(platform, log) {
  await sleep(1500);
  platform.killApi(0);
  log.push({ at: 'kill -9 api0' });
  await sleep(1000);
  await platform.restartApi(0);
  log.push({ at: 'api0 restarted' });
  await sleep(1000);
  log.push({ at: 'pg_terminate_backend', terminated: await terminateBackends(platform) });
  if (!platform.crashDatabase) return { recoverySeconds: null };
  await sleep(1500);
  const backAt = await platform.crashDatabase(1000);
  log.push({ at: 'postgres immediate stop, restarted after 1 s' });
  await Promise.all(platform.apis.map((api) => platform.waitHealthy(api)));
  return { recoverySeconds: Math.round((Date.now() - backAt) / 100) / 10 };
}

async function reconcile(platform, ledgerCount) {
  const [row] = await platform.query(
    `SELECT (SELECT count(*)::int FROM phase_submission WHERE phase = 'pre' AND state = 'done') AS submissions,
            (SELECT count(*)::int FROM response WHERE phase = 'pre' AND submitted_at IS NOT NULL) AS responses,
            (SELECT count(*)::int FROM (SELECT participant_id FROM response WHERE phase = 'pre' GROUP BY participant_id, instrument_id HAVING count(*) > 1) d) AS duplicates`,
  );
  return { acknowledged: ledgerCount, ...row, lost: Math.max(0, ledgerCount - row.submissions) };
}

export async function run() {
  const platform = await startBenchPlatform({ apiCount: 2 });
  try {
    const members = await dyadsInPreSurvey(platform, PARTICIPANTS);
    const ledger = { acked: new Set(), retries: 0, gaveUp: 0 };
    const log = [];
    const [load, recovery] = await Promise.all([
      openLoop(
        members.map((member, i) => submitter(member, i, platform, ledger)),
        RATE,
      ),
      faults(platform, log),
    ]);
    const result = await reconcile(platform, ledger.acked.size);
    const summary =
      `${PARTICIPANTS} submits at ${RATE}/s through 2 API processes with kill -9, pg_terminate_backend and ` +
      `${platform.crashDatabase ? 'an immediate PostgreSQL restart' : '(no PostgreSQL restart: DATABASE_URL set)'}: acknowledged ${result.acknowledged}, stored ${result.submissions}, ` +
      `lost ${result.lost}, duplicates ${result.duplicates}, gave up ${ledger.gaveUp}, retries ${ledger.retries}; API healthy ${recovery.recoverySeconds ?? 'n/a'} s after PostgreSQL was back (goal ≤ 5)`;
    writeResult(
      'faults',
      {
        figures: { ...result, gaveUp: ledger.gaveUp, retries: ledger.retries, latency: load, ...recovery },
        faults: log,
        goal: { lost: 0, duplicates: 0, recoverySeconds: 5 },
      },
      summary,
      platform,
    );
    if (result.lost > 0 || result.duplicates > 0 || ledger.gaveUp > 0 || result.submissions !== result.responses)
      throw new Error('answers were lost, duplicated or never acknowledged');
  } finally {
    await platform.stop();
  }
}
