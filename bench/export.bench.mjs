// P3: long.csv export of 100k and 1M item rows through the API, against `COPY (the same
// SELECT) TO STDOUT WITH CSV` run in this process over one pg connection in the same run.
// Goal: throughput ≥ 0.8× COPY; API RSS growth ≤ 64 MB and flat from 100k to 1M rows; first byte ≤ 500 ms.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { repoRoot } from '../scripts/lib/postgres.mjs';
import { launchedStudy, researcher } from './lib/flows.mjs';
import { startBenchPlatform } from './lib/platform.mjs';
import { writeResult } from './lib/results.mjs';

const require = createRequire(join(repoRoot, 'apps/api/package.json'));
const { to: copyTo } = require('pg-copy-streams');
const survey = require('@attune/survey');
const { exportPlan } = require(join(repoRoot, 'apps/api/dist/exports/export-plan.js'));
const { parseProtocol } = require(join(repoRoot, 'apps/api/dist/exports/protocols.js'));
const { pseudonym } = require(join(repoRoot, 'apps/api/dist/exports/pseudonyms.js'));

const SECRET = 'bench-pseudonym-secret-0123456789abcdef';
const SIZES = [100_000, 1_000_000];

/** One valid answer per item: the same answers for everyone (the export's work does not depend on them). */
function answersOf(instrument) {
  const answers = {};
  for (const item of instrument.items) {
    if (item.kind === 'instruction') continue;
    if (item.kind === 'likert') answers[item.id] = (item.min ?? 1) + 1;
    else if (item.kind === 'ios') answers[item.id] = 4;
    else if (item.kind === 'slider') answers[item.id] = 37.5;
    else if (item.kind === 'numeric') answers[item.id] = item.min;
    else if (item.kind === 'multi-choice') answers[item.id] = [item.options[0].value];
    else if (item.kind === 'text') answers[item.id] = 'a, "quoted" answer';
    else answers[item.id] = item.options[0].value;
  }
  return answers;
}

// Set-up by SQL: dyads in complete sessions, each member with every protocol instrument submitted.
const SEED = `
  WITH s AS (
    INSERT INTO study_session (study_id, mode, code, status, size, protocol_version, condition_id, stratum)
    SELECT $1::uuid, 'lab', 'E' || lpad(g::text, 7, '0') || substr(md5($1::text), 1, 4), 'complete', 2, 1, $3, ''
      FROM generate_series(1, $2::int) g RETURNING id
  ), p AS (
    INSERT INTO participant (study_id, session_id, seat_number, token_hash, status, consent_version, consent_hash, consented_at)
    SELECT $1::uuid, s.id, seat, md5(s.id::text || seat), 'consented', '1', md5('consent'), now() FROM s CROSS JOIN generate_series(1, 2) seat
    RETURNING id, session_id
  )
  INSERT INTO response (study_id, session_id, participant_id, phase, instrument_id, instrument_version, protocol_version, consent_hash, answers, scores, submitted_at)
  SELECT $1::uuid, p.session_id, p.id, i.phase, i.id, i.version, 1, md5('consent'), i.answers, i.scores, now()
    FROM p CROSS JOIN jsonb_to_recordset($4::jsonb) AS i(phase text, id text, version int, answers jsonb, scores jsonb)`;

export async function seedStudy(call, db, rows) {
  const study = await launchedStudy(call, 'phone_topic');
  const [protocolRow] = (await db.query('SELECT version, hash, canonical_json FROM protocol WHERE study_id = $1', [study.id])).rows;
  const protocol = parseProtocol(protocolRow.version, protocolRow.hash, protocolRow.canonical_json);
  const instruments = protocol.instruments.map((ref) => {
    const instrument = survey.getInstrument(ref.id, ref.version);
    const answers = answersOf(instrument);
    return {
      phase: ref.phase,
      id: ref.id,
      version: ref.version,
      answers,
      scores: survey.scoreAnswers(instrument, answers),
      columns: survey.exportColumns(instrument).filter((c) => c.source !== 'scale').length,
    };
  });
  const perParticipant = instruments.reduce((sum, i) => sum + i.columns, 0);
  const sessions = Math.ceil(rows / perParticipant / 2);
  const condition = survey && protocol.design.factors.map((f) => `${f.id}=${f.levels[0].id}`).join('|');
  await db.query(SEED, [study.id, sessions, condition, JSON.stringify(instruments)]);
  await db.query('ANALYZE');
  return { study, protocol, rows: sessions * 2 * perParticipant };
}

/** The study's sites as ExportsRepository.sites lists them (the site column's values). */
async function sitesOf(client, studyId) {
  const { rows } = await client.query(
    `SELECT code, name, country FROM study_site WHERE study_id = $1 ORDER BY is_primary DESC, created_at, code`,
    [studyId],
  );
  return rows.map((row) => ({ code: row.code, name: row.name, country: row.country ?? null }));
}

/** COPY of exactly the SELECT the export streams, with the same pseudonym table, to a byte counter. */
async function copyBaseline(databaseUrl, study, protocol) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const plan = exportPlan(
      study.title,
      {
        studyId: study.id,
        protocols: [protocol],
        filter: { protocolVersions: null, includeIncomplete: true, externalIds: false, site: null },
        externalIdKeys: [],
        sites: await sitesOf(client, study.id),
      },
      new Date(),
    );
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await fillPseudonyms(client, study.id);
    const copied = await timedCopy(client, plan.queries['long.csv'].sql);
    await client.query('COMMIT');
    return copied;
  } finally {
    await client.end();
  }
}

/** The export's temporary pseudonym table, filled the way the API fills it. */
async function fillPseudonyms(client, studyId) {
  await client.query('CREATE TEMPORARY TABLE export_pseudonym (id uuid PRIMARY KEY, pseudonym text NOT NULL) ON COMMIT DROP');
  const { rows } = await client.query(
    `SELECT id, 'p' AS kind FROM participant WHERE study_id = $1 UNION ALL SELECT id, 's' FROM study_session WHERE study_id = $1`,
    [studyId],
  );
  await client.query('INSERT INTO export_pseudonym SELECT * FROM unnest($1::uuid[], $2::text[])', [
    rows.map((r) => r.id),
    rows.map((r) => pseudonym(SECRET, r.kind, r.id)),
  ]);
  await client.query('ANALYZE export_pseudonym');
}

async function timedCopy(client, sql) {
  const started = process.hrtime.bigint();
  let bytes = 0;
  let first = null;
  const copy = client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')`));
  await pipeline(
    copy,
    new Writable({
      write(chunk, _e, done) {
        first ??= process.hrtime.bigint();
        bytes += chunk.length;
        done();
      },
    }),
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms: Math.round(ms), bytes, rows: copy.rowCount, firstByteMs: Math.round(Number(first - started) / 1e6) };
}

function rssKb(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
}

/** The export through HTTP with a personal access token, RSS of the API process sampled every 20 ms. */
async function exportRun(apiUrl, apiPid, token, studyId) {
  const before = rssKb(apiPid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssKb(apiPid));
  }, 20);
  const started = process.hrtime.bigint();
  const res = await fetch(`${apiUrl}/api/studies/${studyId}/exports/long.csv`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`export: ${res.status}`);
  let bytes = 0;
  let first = null;
  let firstRow = null;
  let newlines = 0;
  for await (const chunk of res.body) {
    first ??= process.hrtime.bigint();
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines += 1;
    // The header is written before the query runs; the first data row tells when PostgreSQL's rows begin.
    if (newlines >= 2) firstRow ??= process.hrtime.bigint();
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(sampler);
  peak = Math.max(peak, rssKb(apiPid));
  const since = (t) => Math.round(Number(t - started) / 1e6);
  return {
    ms: Math.round(ms),
    bytes,
    lines: newlines,
    firstByteMs: since(first),
    firstRowMs: since(firstRow),
    rssBeforeMb: Math.round(before / 1024),
    rssGrowthMb: Math.round(((peak - before) / 1024) * 10) / 10,
  };
}

function apiPid(apiUrl) {
  const port = new URL(apiUrl).port;
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  return Number(/pid=(\d+)/.exec(out)[1]);
}

async function measure(platform, db, call, token, rows) {
  const { study, protocol, rows: seeded } = await seedStudy(call, db, rows);
  const pid = apiPid(platform.apis[0]);
  await exportRun(platform.apis[0], pid, token, study.id); // warm-up: JIT, plan cache, pool
  const firstCopy = await copyBaseline(platform.databaseUrl, study, protocol);
  const exported = await exportRun(platform.apis[0], pid, token, study.id);
  const secondCopy = await copyBaseline(platform.databaseUrl, study, protocol);
  const copy = firstCopy.ms <= secondCopy.ms ? firstCopy : secondCopy;
  if (exported.bytes !== copy.bytes) throw new Error(`export wrote ${exported.bytes} bytes, COPY ${copy.bytes}`);
  const ratio = Math.round((copy.ms / exported.ms) * 100) / 100;
  return {
    rows: seeded,
    export: { ...exported, rowsPerSecond: Math.round(seeded / (exported.ms / 1000)) },
    copy: { ...copy, rowsPerSecond: Math.round(seeded / (copy.ms / 1000)) },
    copyRuns: [firstCopy, secondCopy],
    throughputRatio: ratio,
  };
}

export async function run() {
  const platform = await startBenchPlatform({ apiCount: 1 });
  const db = new pg.Client({ connectionString: platform.databaseUrl });
  await db.connect();
  try {
    const call = await researcher(platform.apis[0], platform.credentials);
    const { token } = await call('POST', '/api/auth/tokens', { name: 'bench export' });
    const runs = [];
    for (const rows of SIZES) runs.push(await measure(platform, db, call, token, rows));
    const [small, large] = runs;
    const met =
      runs.every((r) => r.throughputRatio >= 0.8 && r.export.rssGrowthMb <= 64 && r.export.firstByteMs <= 500) &&
      large.export.rssGrowthMb <= small.export.rssGrowthMb + 16;
    writeResult(
      'export',
      { sizes: runs, goal: { throughputRatio: 0.8, rssGrowthMb: 64, firstByteMs: 500 }, met },
      runs
        .map(
          (r) =>
            `${r.rows} rows: ${r.export.rowsPerSecond} rows/s vs COPY ${r.copy.rowsPerSecond} = ${r.throughputRatio}×, RSS +${r.export.rssGrowthMb} MB, first byte ${r.export.firstByteMs} ms (first row ${r.export.firstRowMs} ms)`,
        )
        .join('; ') + ' (goal ≥ 0.8×, ≤ 64 MB flat, first byte ≤ 500 ms)',
      platform,
    );
  } finally {
    await db.end();
    await platform.stop();
  }
}
