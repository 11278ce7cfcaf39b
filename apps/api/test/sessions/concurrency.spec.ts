import type { Schemas } from '@attune/api-client';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { createLogger } from '../../src/common/logger';
import { blockBound, maxPrefixDeviation, type SequenceParams } from '../../src/randomisation/allocation-sequence';
import { verifyAllocations } from '../../src/randomisation/verify-allocations';
import { COMMANDS } from '../../src/cli/commands';
import { weightedConditions } from '../../src/studies/protocol-snapshot';
import { StudiesRepository } from '../../src/studies/studies.repository';
import { initApp, startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { labSession, launchedStudy, seatSecret, type StudyFixture } from './factories';
import { conditionInstructions } from '../../src/participants/participant-view';
import { type Journey, crowdJourney } from '../support/crowd-journey';
import { runPool } from '../support/run-pool';

const LAB_SESSIONS = 50;
const ONLINE_PARTICIPANTS = 100;
const CONCURRENCY = 50;
const VALUES = ['acquainted', 'strangers'] as const;

type Acquainted = (typeof VALUES)[number];

interface AllocationRow {
  session_id: string;
  stratum: string;
  sequence_index: number;
  condition_id: string;
}

/** 50 lab dyads (every fifth disagreeing on "acquainted": the 'mixed' stratum) and 100 online arrivals, interleaved. */
async function journeys(owner: Owner, study: StudyFixture): Promise<Journey[]> {
  const sessions = await runPool(
    Array.from({ length: LAB_SESSIONS }, () => () => labSession(owner, study.id)),
    10,
  );
  const lab = sessions.flatMap((session, i) =>
    [1, 2].map((seat): Journey => ({
      join: { seatSecret: seatSecret(session, seat) },
      acquainted: (i % 5 === 0 ? VALUES[seat - 1] : VALUES[i % 2]) as Acquainted,
    })),
  );
  const online = Array.from({ length: ONLINE_PARTICIPANTS }, (_, i): Journey => ({
    join: { studyCode: study.joinCode },
    acquainted: VALUES[i % 3 === 0 ? 0 : 1] as Acquainted,
  }));
  return lab.flatMap((journey, i) => [journey, online[i]].filter((j): j is Journey => j !== undefined));
}

/** Each session holds two members and the condition and stratum of its one allocation row. */
async function checkSessions(db: DataSource, studyId: string, allocations: readonly AllocationRow[]): Promise<void> {
  expect(allocations).toHaveLength(100);
  expect(new Set(allocations.map((row) => row.session_id)).size).toBe(100);
  const byId = new Map(allocations.map((row) => [row.session_id, row]));
  const sessions: Array<{ id: string; status: string; condition_id: string; stratum: string; members: number; answers: string[] }> =
    await db.query(
      `SELECT s.id, s.status, s.condition_id, s.stratum, count(p.id)::int AS members, array_agg(p.covariates->>'acquainted') AS answers
       FROM study_session s JOIN participant p ON p.session_id = s.id WHERE s.study_id = $1 GROUP BY s.id`,
      [studyId],
    );
  expect(sessions).toHaveLength(100);
  for (const session of sessions) {
    expect(session).toMatchObject({
      status: 'allocated',
      members: 2,
      condition_id: byId.get(session.id)?.condition_id,
      stratum: byId.get(session.id)?.stratum,
    });
    const [a, b] = session.answers;
    expect(session.stratum).toBe(`acquainted=${a === b ? a : 'mixed'}`);
  }
}

/** Per stratum: indices 0..n-1, every prefix within the block bound, and the sequence regenerated from the seed. */
function checkStrata(params: Omit<SequenceParams, 'stratum'>, allocations: readonly AllocationRow[]): void {
  const strata = [...new Set(allocations.map((row) => row.stratum))].sort();
  expect(strata).toEqual(['acquainted=acquainted', 'acquainted=mixed', 'acquainted=strangers']);
  for (const stratum of strata) {
    const rows = allocations.filter((row) => row.stratum === stratum);
    expect(rows.map((row) => row.sequence_index)).toEqual(rows.map((_, i) => i));
    const bound = blockBound({ ...params, stratum });
    expect(bound).not.toBeNull();
    expect(
      maxPrefixDeviation(
        params.conditions,
        rows.map((row) => row.condition_id),
      ),
    ).toBeLessThanOrEqual(bound ?? 0);
  }
  const verification = verifyAllocations(
    params,
    allocations.map((row) => ({ stratum: row.stratum, sequenceIndex: row.sequence_index, conditionId: row.condition_id })),
  );
  expect(verification.map((s) => s.mismatches)).toEqual(strata.map(() => []));
  expect(verification.reduce((sum, s) => sum + s.checked, 0)).toBe(100);
}

/** After close: the endpoint and the CLI command both regenerate the sequence and find it equal. */
async function checkRevealedSeed(app: TestApp, owner: Owner, studyId: string): Promise<void> {
  await owner.call('post', `/api/studies/${studyId}/close`).expect(200);
  const report = (await owner.call('get', `/api/studies/${studyId}/allocation-verification`).expect(200))
    .body as Schemas['VerificationResponse'];
  expect(report.matches).toBe(true);
  expect(report.strata.reduce((sum, s) => sum + s.checked, 0)).toBe(100);
  const printed: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => printed.push(String(chunk)) > 0);
  try {
    const command = COMMANDS['verify-allocation'];
    expect(await command?.run(app.app, { positional: [studyId], options: {} })).toBe(0);
  } finally {
    spy.mockRestore();
  }
  expect(printed.join('')).toContain('OK: the stored allocations equal the sequence regenerated from the seed');
}

describe('allocation under concurrency: 200 participants, 100 dyads, 2 API instances, 1 database', () => {
  let app: TestApp;
  let second: INestApplication;
  let servers: TestApp['http'][];
  let owner: Owner;
  let study: StudyFixture;
  let requests = 0;

  // Every request goes to the other API instance than the one before.
  const server = (): TestApp['http'] => servers[requests++ % 2] as TestApp['http'];

  const { run, answer } = crowdJourney(server);

  /** What each member's own phone shows is the stored condition of their session. */
  async function checkPhones(tokens: readonly string[], allocations: readonly AllocationRow[]): Promise<void> {
    const conditionOf = new Map(allocations.map((row) => [row.session_id, row.condition_id]));
    const seats: Array<{ id: string; session_id: string }> = await app.db.dataSource.query(
      'SELECT id, session_id FROM participant WHERE study_id = $1',
      [study.id],
    );
    const sessionOf = new Map(seats.map((row) => [row.id, row.session_id]));
    const states = await runPool(
      tokens.map(
        (token) => async () =>
          (await request(server()).get('/api/participant/state').set('X-Participant-Token', token).expect(200))
            .body as Schemas['ParticipantStateResponse'] & { session: Schemas['OwnSessionResponse'] },
      ),
      CONCURRENCY,
    );
    for (const state of states) {
      const condition = conditionOf.get(sessionOf.get(state.participant.id) ?? '') ?? '';
      expect(state.session.instructions).toEqual(conditionInstructions(study.design, condition, 'en'));
    }
  }

  beforeAll(async () => {
    app = await startTestApp({ JOIN_RATE_LIMIT_MAX: '10000' });
    second = await createApp(app.config, createLogger('silent'));
    await initApp(second);
    servers = [app.http, second.getHttpServer() as TestApp['http']];
    owner = await ownerOf(app);
    study = await launchedStudy(owner, { templateId: 'phone_seating' });
  });
  afterAll(async () => {
    await second.close();
    await app.close();
  });

  it('allocates every dyad exactly once, balanced within each stratum, reproducible from the seed', async () => {
    const crowd = await journeys(owner, study);
    const started = Date.now();
    const tokens = await runPool(
      crowd.map((journey) => () => run(journey)),
      CONCURRENCY,
    );
    // Online, "did you know your partner?" waits for a partner: once the waiting room has paired
    // everyone, the online members answer it, concurrently, and that allocates their sessions.
    const online = crowd.flatMap((journey, i) => ('studyCode' in journey.join ? [{ journey, token: tokens[i] as string }] : []));
    await runPool(
      online.map(
        ({ journey, token }) =>
          () =>
            answer(token, journey),
      ),
      CONCURRENCY,
    );
    const elapsed = Date.now() - started;
    expect(tokens).toHaveLength(200);

    const db = app.db.dataSource;
    const unseated: Array<{ n: number }> = await db.query(
      'SELECT count(*)::int AS n FROM participant WHERE study_id = $1 AND session_id IS NULL',
      [study.id],
    );
    expect(unseated[0]?.n).toBe(0);
    const allocations: AllocationRow[] = await db.query(
      'SELECT session_id, stratum, sequence_index, condition_id FROM allocation WHERE study_id = $1 ORDER BY stratum, sequence_index',
      [study.id],
    );
    await checkSessions(db, study.id, allocations);
    const seedHex = await app.app.get(StudiesRepository).findSeed(study.id);
    checkStrata(
      {
        seedHex: seedHex ?? '',
        scheme: study.design.randomisation.scheme,
        conditions: weightedConditions(study.design),
        blockMultipliers: study.design.randomisation.blockMultipliers,
      },
      allocations,
    );
    await checkPhones(tokens, allocations);
    await checkRevealedSeed(app, owner, study.id);
    console.log(`concurrency: 200 participants, 600 requests over 2 API instances in ${elapsed} ms`);
  });
});
