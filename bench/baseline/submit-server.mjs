// The P1 baseline: a raw node:http + pg server running the same SQL as the API's final submit
// (statements copied from apps/api/src/responses and sessions), with the same libs/survey
// validation and scoring and the API's own check scoring (its compiled pure module), and none of
// the framework. Only the happy path and the errors the
// benchmark can meet are implemented; anything else answers 500.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
const survey = require('@attune/survey');
// Pure functions (no Nest, no TypeORM): what the API computes per response besides the scores.
const { checkResultsFor, conditionFacts } = require('../../apps/api/dist/responses/check-scoring.js');
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
const KEY = /^[A-Za-z0-9_\-:.]{1,200}$/;
const SURVEY_STATE = { pre: 'pre_survey', post: 'post_survey' };

function send(res, status, body) {
  res.writeHead(status, { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' });
  res.end(JSON.stringify(body));
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function claim(participantId, phase, key, hash) {
  await pool.query(
    `INSERT INTO rate_limit_bucket (key, window_start, hits) VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
     ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_bucket.hits + 1
     RETURNING hits, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS retry_after`,
    [`submit:${participantId}`, 60],
  );
  const rows = (
    await pool.query(
      `INSERT INTO phase_submission (participant_id, phase, idempotency_key, request_hash, state) VALUES ($1, $2, $3, $4, 'in_progress')
     ON CONFLICT (participant_id, phase) DO NOTHING RETURNING created_at::text AS "claimedAt"`,
      [participantId, phase, key, hash],
    )
  ).rows;
  return rows[0]?.claimedAt ?? null;
}

function scored(instruments, answers, facts) {
  return instruments.map((instrument) => {
    const given = answers[instrument.id] ?? {};
    if (survey.validateAnswers(instrument, given, { partial: false }).length) throw Object.assign(new Error('invalid'), { status: 400 });
    return {
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      answers: given,
      scores: survey.scoreAnswers(instrument, given),
      checkResults: checkResultsFor(instrument, given, facts),
    };
  });
}

async function store(client, participant, phase, key, claimedAt, answers) {
  const context = await lockedContext(client, participant, phase);
  const instruments = context.instruments.filter((i) => i.phase === phase).map((i) => survey.getInstrument(i.id, i.version));
  const final = scored(instruments, answers, conditionFacts(context.factors, context.conditionId));
  const submittedAt = new Date();
  const body = { phase, submittedAt: submittedAt.toISOString() };
  await markDone(client, participant, phase, key, claimedAt, body, submittedAt);
  await insertResponses(client, participant, phase, context.protocolVersion, submittedAt, final);
  await auditSubmitted(client, participant, phase, final);
  await advance(client, participant, phase);
  return body;
}

// Locks the participant, then the session with its protocol's instruments; refuses a phase the session is not in.
async function lockedContext(client, participant, phase) {
  await client.query('SELECT * FROM participant WHERE id = $1 FOR UPDATE', [participant.id]);
  const context = (
    await client.query(
      `SELECT s.status, s.protocol_version AS "protocolVersion", s.condition_id AS "conditionId",
              d.doc -> 'instruments' AS instruments, d.doc -> 'design' -> 'factors' AS factors
         FROM study_session s
         JOIN protocol p ON p.study_id = s.study_id AND p.version = s.protocol_version
         CROSS JOIN LATERAL (SELECT p.canonical_json::jsonb AS doc) d
        WHERE s.id = $1 FOR UPDATE OF s`,
      [participant.session_id],
    )
  ).rows[0];
  if (context.status !== SURVEY_STATE[phase]) throw Object.assign(new Error('closed'), { status: 409 });
  return context;
}

async function markDone(client, participant, phase, key, claimedAt, body, submittedAt) {
  await client.query(
    `WITH done AS (UPDATE phase_submission SET state = 'done', response_status = $5, response_body = $6::jsonb, completed_at = $7
       WHERE participant_id = $1 AND phase = $2 AND idempotency_key = $3 AND created_at = $4::timestamptz AND state = 'in_progress' RETURNING 1)
     SELECT 1 FROM done`,
    [participant.id, phase, key, claimedAt, 201, JSON.stringify(body), submittedAt],
  );
}

async function insertResponses(client, participant, phase, protocolVersion, submittedAt, final) {
  await client.query(
    `INSERT INTO response AS r (study_id, session_id, participant_id, phase, protocol_version, consent_hash, submitted_at, instrument_id, instrument_version, answers, scores, check_results)
     SELECT $1, $2, $3, $4, $5, $6, $7, f."instrumentId", f."instrumentVersion", f.answers, f.scores, f."checkResults"
       FROM jsonb_to_recordset($8::jsonb) AS f("instrumentId" text, "instrumentVersion" integer, answers jsonb, scores jsonb, "checkResults" jsonb)
     ON CONFLICT (participant_id, phase, instrument_id) DO UPDATE SET answers = EXCLUDED.answers, scores = EXCLUDED.scores, check_results = EXCLUDED.check_results,
        instrument_version = EXCLUDED.instrument_version, protocol_version = EXCLUDED.protocol_version, consent_hash = EXCLUDED.consent_hash,
        submitted_at = EXCLUDED.submitted_at, updated_at = now()
      WHERE r.submitted_at IS NULL RETURNING 1 AS stored`,
    [
      participant.study_id,
      participant.session_id,
      participant.id,
      phase,
      protocolVersion,
      participant.consent_hash,
      submittedAt,
      JSON.stringify(final),
    ],
  );
}

async function auditSubmitted(client, participant, phase, final) {
  await client.query(
    `INSERT INTO audit_event (actor_type, actor_id, action, study_id, subject_type, subject_id, data) VALUES ('participant', $1, 'response.submitted', $2, 'participant', $1, $3)`,
    [
      participant.id,
      participant.study_id,
      JSON.stringify({ phase, instruments: final.map((f) => ({ id: f.instrumentId, version: f.instrumentVersion })) }),
    ],
  );
}

// SessionFlow.onPhaseSubmitted: lock the session, count who is still missing, and only when the
// session moves on load the frozen design and record the change (SessionsRepository.changeStatus:
// a conversation gets its length, and starts at once online; a complete session is ended).
async function advance(client, participant, phase) {
  const session = (await client.query('SELECT * FROM study_session WHERE id = $1 FOR UPDATE', [participant.session_id])).rows[0];
  const { active, missing } = (
    await client.query(
      `SELECT count(*)::int AS active, count(*) FILTER (WHERE ps.participant_id IS NULL)::int AS missing FROM participant p
       LEFT JOIN phase_submission ps ON ps.participant_id = p.id AND ps.phase = $2 AND ps.state = 'done'
      WHERE p.session_id = $1 AND p.status = 'consented' AND p.left_at IS NULL`,
      [session.id, phase],
    )
  ).rows[0];
  if (active === 0 || missing > 0) return;
  const { design } = (
    await client.query(`SELECT canonical_json::jsonb -> 'design' AS design FROM protocol WHERE study_id = $1 AND version = $2`, [
      session.study_id,
      session.protocol_version,
    ])
  ).rows[0];
  const to = phase === 'pre' ? 'conversation' : 'complete';
  const set =
    to === 'conversation'
      ? `, conversation_seconds = $4${session.mode === 'online' ? ', conversation_started_at = now()' : ''}`
      : ', ended_at = now()';
  const params = [session.id, session.status, to, ...(to === 'conversation' ? [design.conversation.durationSeconds] : [])];
  await client.query(`UPDATE study_session SET status = $3, updated_at = now()${set} WHERE id = $1 AND status = $2`, params);
  await client.query(
    `INSERT INTO audit_event (actor_type, actor_id, action, study_id, subject_type, subject_id, data) VALUES ('participant', $1, 'session.status_changed', $2, 'session', $3, $4)`,
    [participant.id, session.study_id, session.id, JSON.stringify({ from: session.status, to })],
  );
}

async function submit(req, res, phase) {
  const token = req.headers['x-participant-token'];
  // ParticipantGuard: the token, unless its session ended more than PARTICIPANT_TOKEN_HOURS ago.
  const participant = (
    await pool.query(
      `SELECT p.* FROM participant p LEFT JOIN study_session s ON s.id = p.session_id
      WHERE p.token_hash = $1 AND (s.ended_at IS NULL OR s.ended_at > now() - make_interval(hours => $2))`,
      [sha256(String(token)), 24],
    )
  ).rows[0];
  if (!participant) return send(res, 401, { code: 'PARTICIPANT_TOKEN_INVALID' });
  const key = req.headers['idempotency-key'];
  if (!KEY.test(String(key ?? ''))) return send(res, 400, { code: 'IDEMPOTENCY_KEY_REQUIRED' });
  const body = await readJson(req);
  const claimedAt = await claim(participant.id, phase, key, sha256(survey.canonicalJson({ answers: body.answers })));
  if (!claimedAt) return send(res, 409, { code: 'PHASE_SUBMITTED' });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await store(client, participant, phase, key, claimedAt, body.answers ?? {});
    await client.query('COMMIT');
    send(res, 201, result);
  } catch (error) {
    await client.query('ROLLBACK');
    send(res, error.status ?? 500, { code: 'FAILED' });
  } finally {
    client.release();
  }
}

createServer((req, res) => {
  const match = /^\/api\/participant\/phases\/(pre|post)\/submit$/.exec(req.url ?? '');
  if (req.method === 'GET' && req.url === '/api/health') return send(res, 200, { status: 'ok' });
  if (req.method !== 'POST' || !match) return send(res, 404, { code: 'NOT_FOUND' });
  submit(req, res, match[1]).catch(() => send(res, 500, { code: 'INTERNAL' }));
}).listen(Number(process.env.PORT), '127.0.0.1');
