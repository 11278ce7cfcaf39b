// P4: the results endpoint for a 2 × 2 study with 10,000 participants (5,000 dyads, IOS before
// and after). Baseline in the same run: the one plain query that reads the session-level scores
// (the floor any results endpoint pays). Goal: endpoint ≤ 1.5× the floor, p95 ≤ 100 ms.
import pg from 'pg';
import { launchedStudy, researcher } from './lib/flows.mjs';
import { startBenchPlatform } from './lib/platform.mjs';
import { writeResult } from './lib/results.mjs';
import { summarise } from './lib/stats.mjs';

const SESSIONS = 5000;
const ROUNDS = 40;
const WARM_UP = 5;

// Set-up by SQL, not HTTP: 10,000 journeys through the API would take longer than the measurement
// and measure nothing P4 is about. Rows are what the API writes (complete sessions, submitted responses).
const SEED = `
  WITH s AS (
    INSERT INTO study_session (study_id, mode, code, status, size, protocol_version, condition_id, stratum)
    SELECT $1::uuid, 'lab', 'B' || lpad(g::text, 6, '0') || substr(md5($1::text), 1, 4), 'complete', 2, 1,
           (ARRAY['phone=present|topic=casual', 'phone=present|topic=meaningful', 'phone=notebook|topic=casual', 'phone=notebook|topic=meaningful'])[1 + g % 4], ''
      FROM generate_series(1, $2::int) g
    RETURNING id, condition_id
  ), p AS (
    INSERT INTO participant (study_id, session_id, seat_number, token_hash, status, consent_version, consent_hash, consented_at, covariates_at)
    SELECT $1::uuid, s.id, seat, md5(s.id::text || seat), 'consented', '1', md5('consent'), now(), now()
      FROM s CROSS JOIN generate_series(1, 2) seat
    RETURNING id, session_id
  )
  INSERT INTO response (study_id, session_id, participant_id, phase, instrument_id, instrument_version, protocol_version, consent_hash, answers, scores, submitted_at)
  SELECT $1::uuid, p.session_id, p.id, phase, 'ios', 2, 1, md5('consent'), '{}'::jsonb,
         jsonb_build_object('ios', 1 + floor(random() * 7)), now()
    FROM p CROSS JOIN unnest(ARRAY['pre', 'post']) phase`;

// The floor: the one plain query that reads the session-level scores a results endpoint needs,
// for any instrument: members' scale scores (from the jsonb of scores) averaged per session,
// phase, instrument and scale, with the session's condition. Nothing else: no within-session
// spread, no change scores, no options, no statistics.
const FLOOR = `
  SELECT r.session_id, s.condition_id, r.phase, r.instrument_id, r.instrument_version, sc.key AS scale,
         avg((sc.value)::float8) AS mean, count(*) AS members
    FROM response r
    JOIN study_session s ON s.id = r.session_id
    CROSS JOIN LATERAL jsonb_each(r.scores) sc
   WHERE r.study_id = $1 AND r.submitted_at IS NOT NULL AND s.condition_id IS NOT NULL AND jsonb_typeof(sc.value) = 'number'
   GROUP BY 1, 2, 3, 4, 5, 6`;

async function timed(work) {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function rounds(work) {
  for (let i = 0; i < WARM_UP; i += 1) await work();
  const latencies = [];
  const started = Date.now();
  for (let i = 0; i < ROUNDS; i += 1) latencies.push(await timed(work));
  return summarise(latencies, Date.now() - started, 0);
}

/** A launched study with SESSIONS complete dyads seeded by SQL, one ios instrument before and after. */
async function seededStudy(call, db) {
  const study = await launchedStudy(call, 'phone_topic', (design) => ({
    ...design,
    instruments: { pre: [{ id: 'ios', version: 2 }], post: [{ id: 'ios', version: 2 }] },
  }));
  await db.query(SEED, [study.id, SESSIONS]);
  await db.query('ANALYZE');
  return study;
}

/** The endpoint between two blocks of the floor query, so both meet the same machine load. */
async function alternatingRounds(call, db, studyId) {
  const endpoint = async () => {
    const results = await call('GET', `/api/studies/${studyId}/results`);
    if (results.scales.length !== 3) throw new Error(`expected pre, post and change, got ${results.scales.length} scales`);
  };
  const floor = async () => {
    const { rowCount } = await db.query(FLOOR, [studyId]);
    if (rowCount !== SESSIONS * 2) throw new Error(`floor read ${rowCount} rows`);
  };
  const firstFloor = await rounds(floor);
  const api = await rounds(endpoint);
  const secondFloor = await rounds(floor);
  return { api, firstFloor, secondFloor };
}

export async function run() {
  const platform = await startBenchPlatform({ apiCount: 1 });
  const db = new pg.Client({ connectionString: platform.databaseUrl });
  await db.connect();
  try {
    const call = await researcher(platform.apis[0], platform.credentials);
    const study = await seededStudy(call, db);
    const { api, firstFloor, secondFloor } = await alternatingRounds(call, db, study.id);
    const base = firstFloor.p50 <= secondFloor.p50 ? firstFloor : secondFloor;
    const ratio = Math.round((api.p50 / base.p50) * 100) / 100;
    // The floor runs in this process over one pg connection; the endpoint adds HTTP, JSON and the statistics.
    writeResult(
      'results',
      {
        sessions: SESSIONS,
        participants: SESSIONS * 2,
        rounds: ROUNDS,
        endpoint: api,
        floor: base,
        floorRuns: [firstFloor, secondFloor],
        ratioP50: ratio,
        goal: { ratio: 1.5, p95Ms: 100 },
        met: ratio <= 1.5 && api.p95 <= 100,
      },
      `GET /results p50 ${api.p50} ms, p95 ${api.p95} ms vs floor query p50 ${base.p50} ms = ${ratio}× (goal ≤ 1.5×, p95 ≤ 100 ms)`,
      platform,
    );
  } finally {
    await db.end();
    await platform.stop();
  }
}
