import { getInstrument, type Instrument, type Item, scoreAnswers } from '@attune/survey';
import { randomUUID } from 'node:crypto';
import { conditionsOf } from '../../src/randomisation/design';
import type { StudyDesign } from '../../src/studies/study-design';
import type { TestApp } from '../support/app';

/** Text an export must carry through untouched (after the loaders strip the formula guard). */
export const TRICKY = [
  '=SUM(1,2)',
  'a "quoted", comma',
  'line\nbreak\r\nand CRLF',
  'emoji 😀 ünïcödé',
  '-negative',
  '+plus',
  '@at',
  '\ttab',
  "'apostrophe",
  'plain',
];

export interface SeededSession {
  readonly id: string;
  readonly conditionId: string;
  readonly members: readonly string[];
  readonly complete: boolean;
}

function answerFor(item: Item, n: number, tricky: string | null): unknown {
  switch (item.kind) {
    case 'likert':
      return (item.min ?? 1) + (n % item.points);
    case 'ios':
      return 1 + (n % 7);
    case 'slider':
      return 12.5 + n;
    case 'numeric':
      return item.min + (n % 3);
    case 'multi-choice':
      return item.options.slice(0, 1 + (n % item.options.length)).map((o) => o.value);
    case 'text':
      return tricky ?? 'text';
    case 'instruction':
      return undefined;
    default:
      return tricky ?? item.options[n % item.options.length]?.value;
  }
}

function answersFor(instrument: Instrument, n: number, tricky: string | null): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  let trickyLeft = tricky;
  for (const item of instrument.items) {
    const takesText = item.kind === 'manipulation-check' || item.kind === 'attention-check' || item.kind === 'text';
    const value = answerFor(item, n, takesText ? trickyLeft : null);
    if (value !== undefined) answers[item.id] = value;
    if (takesText) trickyLeft = null;
  }
  return answers;
}

function checksFor(instrument: Instrument, n: number): Record<string, boolean> | null {
  const checks = instrument.items.filter((item) => item.kind === 'manipulation-check' || item.kind === 'attention-check');
  return checks.length === 0 ? null : Object.fromEntries(checks.map((item, i) => [item.id, (n + i) % 2 === 0]));
}

interface SessionSpec {
  readonly size: number;
  readonly status: string;
  readonly incomplete: boolean;
  readonly stratum: string;
  readonly dropoutReason: string | null;
}

/**
 * Sessions, members and submitted responses written as the API writes them, by SQL: a complete
 * dyad, a complete triad, a dyad that ended early (member left in the post-survey), and a
 * forming session that no export may show. Answers hold the tricky texts in choice items.
 */
export async function seedSessions(
  app: TestApp,
  studyId: string,
  design: StudyDesign,
  instruments: readonly { phase: 'pre' | 'post'; id: string; version: number }[],
): Promise<SeededSession[]> {
  const conditions = conditionsOf(design.factors).map((c) => c.id);
  const specs: SessionSpec[] = [
    { size: 2, status: 'complete', incomplete: false, stratum: '=1+1, "strat"\n😀', dropoutReason: null },
    { size: 3, status: 'complete', incomplete: false, stratum: '', dropoutReason: null },
    { size: 2, status: 'ended_early', incomplete: true, stratum: '', dropoutReason: 'member_left:post_survey' },
  ];
  const sessions: SeededSession[] = [];
  let n = 0;
  for (const [i, spec] of specs.entries()) {
    const conditionId = conditions[i % conditions.length] as string;
    const [row] = (await app.db.dataSource.query(
      `INSERT INTO study_session (study_id, mode, code, status, size, protocol_version, condition_id, stratum, incomplete, dropout_reason, conversation_started_at, conversation_ended_at, conversation_seconds)
       VALUES ($1, 'lab', $2, $3, $4, 1, $5, $6, $7, $8, now() - interval '20 minutes', now() - interval '10 minutes', 600) RETURNING id`,
      [studyId, `X${randomUUID().slice(0, 8)}`, spec.status, spec.size, conditionId, spec.stratum, spec.incomplete, spec.dropoutReason],
    )) as { id: string }[];
    const sessionId = (row as { id: string }).id;
    const members: string[] = [];
    for (let seat = 1; seat <= spec.size; seat += 1) {
      n += 1;
      members.push(await seedMember(app, { studyId, sessionId, seat, n, complete: spec.status === 'complete' || seat === 1, instruments }));
    }
    sessions.push({ id: sessionId, conditionId, members, complete: spec.status === 'complete' });
  }
  await app.db.dataSource.query(
    `INSERT INTO study_session (study_id, mode, code, status, size, protocol_version) VALUES ($1, 'lab', $2, 'forming', 2, 1)`,
    [studyId, `F${randomUUID().slice(0, 8)}`],
  );
  return sessions;
}

async function seedMember(
  app: TestApp,
  m: {
    studyId: string;
    sessionId: string;
    seat: number;
    n: number;
    complete: boolean;
    instruments: readonly { phase: 'pre' | 'post'; id: string; version: number }[];
  },
): Promise<string> {
  const [row] = (await app.db.dataSource.query(
    `INSERT INTO participant (study_id, session_id, seat_number, token_hash, status, consent_version, consent_hash, consented_at, covariates, external_ids)
     VALUES ($1, $2, $3, $4, 'consented', '1', 'consent-hash', now() - interval '30 minutes', $5, $6) RETURNING id`,
    [
      m.studyId,
      m.sessionId,
      m.seat,
      randomUUID(),
      JSON.stringify({ acquainted: m.n % 2 === 0 ? 'acquainted' : 'strangers' }),
      JSON.stringify({ PROLIFIC_PID: `prolific-${m.n}` }),
    ],
  )) as { id: string }[];
  const participantId = (row as { id: string }).id;
  for (const [k, ref] of m.instruments.entries()) {
    if (ref.phase === 'post' && !m.complete) continue;
    const instrument = getInstrument(ref.id, ref.version);
    if (!instrument) throw new Error(`no instrument ${ref.id} v${ref.version}`);
    const answers = answersFor(instrument, m.n, TRICKY[(m.n - 1 + k * 6) % TRICKY.length] ?? null);
    await app.db.dataSource.query(
      `INSERT INTO response (study_id, session_id, participant_id, phase, instrument_id, instrument_version, protocol_version, consent_hash, answers, scores, check_results, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, 1, 'consent-hash', $7, $8, $9, now())`,
      [
        m.studyId,
        m.sessionId,
        participantId,
        ref.phase,
        ref.id,
        ref.version,
        JSON.stringify(answers),
        JSON.stringify(scoreAnswers(instrument, answers)),
        JSON.stringify(checksFor(instrument, m.n)),
      ],
    );
  }
  if (m.complete) {
    await app.db.dataSource.query(
      `INSERT INTO phase_submission (participant_id, phase, idempotency_key, request_hash, state, completed_at) VALUES ($1, 'post', $2, 'h', 'done', now())`,
      [participantId, randomUUID()],
    );
  }
  return participantId;
}

/**
 * Many complete dyads in one statement, every member with every protocol instrument submitted.
 * Answers are empty (long.csv still has one row per answer column): this is for exports too
 * large for the buffers between PostgreSQL and the client, not for checking values.
 */
export async function seedManyDyads(
  app: TestApp,
  studyId: string,
  design: StudyDesign,
  sessions: number,
  instruments: readonly { phase: 'pre' | 'post'; id: string; version: number }[],
): Promise<void> {
  await app.db.dataSource.query(
    `WITH s AS (
       INSERT INTO study_session (study_id, mode, code, status, size, protocol_version, condition_id, stratum)
       SELECT $1::uuid, 'lab', 'M' || lpad(g::text, 7, '0'), 'complete', 2, 1, $3, '' FROM generate_series(1, $2::int) g RETURNING id
     ), p AS (
       INSERT INTO participant (study_id, session_id, seat_number, token_hash, status, consent_version, consent_hash, consented_at)
       SELECT $1::uuid, s.id, seat, md5(s.id::text || seat), 'consented', '1', 'consent-hash', now() FROM s CROSS JOIN generate_series(1, 2) seat
       RETURNING id, session_id
     )
     INSERT INTO response (study_id, session_id, participant_id, phase, instrument_id, instrument_version, protocol_version, consent_hash, submitted_at)
     SELECT $1::uuid, p.session_id, p.id, i.phase, i.id, i.version, 1, 'consent-hash', now()
       FROM p CROSS JOIN jsonb_to_recordset($4::jsonb) AS i(phase text, id text, version int)`,
    [studyId, sessions, conditionsOf(design.factors)[0]?.id, JSON.stringify(instruments)],
  );
}
