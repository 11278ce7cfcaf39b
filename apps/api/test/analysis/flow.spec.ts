import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { cookieHeader, createAccount, login } from '../support/auth';
import { type Owner, ownerOf } from '../support/studies';
import { allocatedSession, join, labSession, launchedStudy, type Phone, seatSecret, type StudyFixture } from '../sessions/factories';

const COUNT_KEYS = [
  'sessions',
  'participants',
  'reachedPreSurvey',
  'reachedConversation',
  'reachedPostSurvey',
  'completed',
  'leftAfterAllocation',
  'rejoinedElsewhere',
  'failedCheck',
  'excludedWithSession',
  'excludedFailedCheck',
  'withdrew',
  'withoutPostData',
  'analysed',
] as const;
type Counts = Record<(typeof COUNT_KEYS)[number], number>;

interface Reason {
  reason: string;
  sessions: number;
  participants: number;
}
interface FlowBody {
  studyId: string;
  options: { protocol: number[] | null; includeIncomplete: boolean; perProtocol: boolean };
  people: {
    joined: number;
    rejoins: number;
    declinedConsent: number;
    leftBeforeAllocation: number;
    notAllocated: number;
    allocated: number;
  };
  conditions: Array<{
    conditionId: string;
    levels: Array<{ factorId: string; levelId: string }>;
    inDesign: boolean;
    counts: Counts;
    dropoutReasons: Reason[];
    exclusionReasons: Reason[];
  }>;
  totals: Counts;
}
interface EnrolmentBody {
  targetSessionsPerCondition: number;
  conditions: Array<{
    conditionId: string;
    levels: Array<{ factorId: string; levelId: string }>;
    target: number;
    sessions: number;
    completeSessions: number;
    participants: number;
    strata: Array<{
      stratum: string;
      covariates: Array<{ covariateId: string; levelId: string }>;
      sessions: number;
      completeSessions: number;
      participants: number;
    }>;
  }>;
  totals: { target: number; sessions: number; completeSessions: number; participants: number };
}

function counts(partial: Partial<Counts>): Counts {
  return { ...(Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as Counts), ...partial };
}

/** What each session adds to its condition's counts, summed: the expected flow whatever the draw was. */
function expectedByCondition(contributions: ReadonlyArray<readonly [string, Counts]>): Map<string, Counts> {
  const sums = new Map<string, Counts>();
  for (const [conditionId, add] of contributions) {
    const sum = sums.get(conditionId) ?? counts({});
    sums.set(conditionId, counts(Object.fromEntries(COUNT_KEYS.map((key) => [key, sum[key] + add[key]]))));
  }
  return sums;
}

/** Marks a phase submitted for these participants: a response row (with its check results) and the done submission. */
async function submit(
  app: TestApp,
  participantIds: readonly string[],
  phase: 'pre' | 'post',
  checkResults: Record<string, boolean> | null = null,
): Promise<void> {
  await app.db.dataSource.query(
    `INSERT INTO response (study_id, session_id, participant_id, phase, instrument_id, instrument_version, protocol_version, consent_hash, answers, check_results, submitted_at)
    SELECT p.study_id, p.session_id, p.id, $2, 'i_flow', 1, 1, p.consent_hash, '{}'::jsonb, $3::jsonb, now() FROM participant p WHERE p.id = ANY($1)`,
    [participantIds, phase, checkResults && JSON.stringify(checkResults)],
  );
  await app.db.dataSource.query(
    `INSERT INTO phase_submission (participant_id, phase, idempotency_key, request_hash, state, completed_at)
    SELECT p.id, $2, gen_random_uuid()::text, 'h', 'done', now() FROM participant p WHERE p.id = ANY($1)`,
    [participantIds, phase],
  );
}

/** Drives an allocated lab session to its post-survey the way members and console would, pre-survey answers pushed by SQL. */
async function toPostSurvey(app: TestApp, owner: Owner, studyId: string, sessionId: string, phones: readonly Phone[]): Promise<void> {
  for (const phone of phones) await phone.confirm();
  await submit(
    app,
    phones.map((phone) => phone.participantId),
    'pre',
  );
  await app.db.dataSource.query(`UPDATE study_session SET status = 'conversation', conversation_seconds = 600 WHERE id = $1`, [sessionId]);
  await owner.call('post', `/api/studies/${studyId}/sessions/${sessionId}/start-conversation`).expect(200);
  await owner.call('post', `/api/studies/${studyId}/sessions/${sessionId}/end-conversation`).expect(200);
}

async function conditionOf(app: TestApp, sessionId: string): Promise<string> {
  const [row] = await app.db.dataSource.query('SELECT condition_id FROM study_session WHERE id = $1', [sessionId]);
  return (row as { condition_id: string }).condition_id;
}

function expectConditions(body: FlowBody, expected: Map<string, Counts>): void {
  for (const condition of body.conditions)
    expect({ [condition.conditionId]: condition.counts }).toEqual({
      [condition.conditionId]: expected.get(condition.conditionId) ?? counts({}),
    });
}

describe('GET /api/studies/:id/flow and /enrolment: CONSORT counts and enrolment against target', () => {
  let app: TestApp;
  let owner: Owner;
  let study: StudyFixture;
  const contributions: Array<readonly [string, Counts]> = [];
  const cond: Record<'complete' | 'dropout' | 'incomplete' | 'amended', string> = {
    complete: '',
    dropout: '',
    incomplete: '',
    amended: '',
  };

  const flow = async (query = ''): Promise<FlowBody> =>
    (await owner.call('get', `/api/studies/${study.id}/flow${query}`).expect(200)).body as FlowBody;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    study = await launchedStudy(owner, { templateId: 'phone_seating', edit: (design) => ({ ...design, targetSessionsPerCondition: 12 }) });

    // A completed dyad; the second member failed a manipulation check.
    const complete = await allocatedSession(app.http, owner, study.id);
    const [first, second] = complete.phones as [Phone, Phone];
    await toPostSurvey(app, owner, study.id, complete.session.id, complete.phones);
    await submit(app, [first.participantId], 'post', { check_phone: true });
    await submit(app, [second.participantId], 'post', { x: false });
    await app.db.dataSource.query(`UPDATE study_session SET status = 'complete' WHERE id = $1`, [complete.session.id]);
    cond.complete = await conditionOf(app, complete.session.id);

    // One person declines consent; another consents and leaves before the seat is allocated.
    const declined = await join(app.http, { seatSecret: seatSecret(await labSession(owner, study.id), 1) });
    await declined.call('post', 'consent').send({ consentVersion: '1', agree: false }).expect(204);
    const leaver = await join(app.http, { seatSecret: seatSecret(await labSession(owner, study.id), 1) });
    await leaver.consent();
    await leaver.leave();

    // A member leaves during the pre-survey: the session ends early.
    const dropout = await allocatedSession(app.http, owner, study.id);
    for (const phone of dropout.phones) await phone.confirm();
    await dropout.phones[1]?.leave();
    cond.dropout = await conditionOf(app, dropout.session.id);

    // A member leaves during the post-survey: the session goes on, flagged incomplete; the other submits.
    const incomplete = await allocatedSession(app.http, owner, study.id);
    await toPostSurvey(app, owner, study.id, incomplete.session.id, incomplete.phones);
    await incomplete.phones[1]?.leave();
    await submit(app, [incomplete.phones[0]?.participantId ?? ''], 'post');
    cond.incomplete = await conditionOf(app, incomplete.session.id);

    // Protocol v2: one allocated session of acquainted members (another stratum) and one more decline.
    const amendedDesign = {
      ...study.design,
      factors: study.design.factors.map((factor) => ({
        ...factor,
        levels: factor.levels.map((level) => ({ ...level, instructions: { en: 'amended wording' } })),
      })),
    };
    await owner
      .call('post', `/api/studies/${study.id}/amendments`)
      .send({ design: amendedDesign, reason: 'clearer instructions' })
      .expect(201);
    const amended = await allocatedSession(app.http, owner, study.id, { acquainted: 'acquainted' });
    cond.amended = await conditionOf(app, amended.session.id);
    const declinedLater = await join(app.http, { studyCode: study.joinCode });
    await declinedLater.call('post', 'consent').send({ consentVersion: '1', agree: false }).expect(204);

    contributions.push(
      [
        cond.complete,
        counts({
          sessions: 1,
          participants: 2,
          reachedPreSurvey: 2,
          reachedConversation: 2,
          reachedPostSurvey: 2,
          completed: 2,
          failedCheck: 1,
          analysed: 2,
        }),
      ],
      [cond.dropout, counts({ sessions: 1, participants: 2, reachedPreSurvey: 2, leftAfterAllocation: 1, withoutPostData: 2 })],
      [
        cond.incomplete,
        counts({
          sessions: 1,
          participants: 2,
          reachedPreSurvey: 2,
          reachedConversation: 2,
          reachedPostSurvey: 2,
          completed: 1,
          leftAfterAllocation: 1,
          withoutPostData: 1,
          analysed: 1,
        }),
      ],
      [cond.amended, counts({ sessions: 1, participants: 2, withoutPostData: 2 })],
    );
  });
  afterAll(() => app.close());

  it('counts every step by default (intention to treat, all protocols), every condition listed', async () => {
    const body = await flow();
    expect(body.studyId).toBe(study.id);
    expect(body.options).toEqual({ protocol: null, includeIncomplete: true, perProtocol: false, site: null });
    expect(body.people).toEqual({ joined: 11, rejoins: 0, declinedConsent: 2, leftBeforeAllocation: 1, notAllocated: 0, allocated: 8 });
    expect(body.totals).toEqual(
      counts({
        sessions: 4,
        participants: 8,
        reachedPreSurvey: 6,
        reachedConversation: 4,
        reachedPostSurvey: 4,
        completed: 3,
        leftAfterAllocation: 2,
        failedCheck: 1,
        withoutPostData: 5,
        analysed: 3,
      }),
    );
    expect(body.conditions).toHaveLength(4);
    expect(body.conditions.map((condition) => condition.levels.map((level) => `${level.factorId}=${level.levelId}`).join('|'))).toEqual(
      body.conditions.map((condition) => condition.conditionId),
    );
    expectConditions(body, expectedByCondition(contributions));
    const dropouts = body.conditions.flatMap((condition) =>
      condition.dropoutReasons.map((reason) => ({ conditionId: condition.conditionId, ...reason })),
    );
    expect(dropouts).toEqual([{ conditionId: cond.dropout, reason: 'member_left:pre_survey', sessions: 1, participants: 2 }]);
    expect(body.conditions.every((condition) => condition.exclusionReasons.length === 0)).toBe(true);
  });

  it('includeIncomplete=false excludes every session that is not complete, and says why', async () => {
    const body = await flow('?includeIncomplete=false');
    expect(body.options).toEqual({ protocol: null, includeIncomplete: false, perProtocol: false, site: null });
    expect(body.totals).toMatchObject({ participants: 8, excludedWithSession: 6, excludedFailedCheck: 0, withoutPostData: 0, analysed: 2 });
    const excluded = body.conditions.flatMap((condition) =>
      condition.exclusionReasons.map((reason) => ({ conditionId: condition.conditionId, ...reason })),
    );
    expect(excluded.sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
      { conditionId: cond.dropout, reason: 'ended_early', sessions: 1, participants: 2 },
      { conditionId: cond.incomplete, reason: 'incomplete', sessions: 1, participants: 2 },
      { conditionId: cond.amended, reason: 'not_finished', sessions: 1, participants: 2 },
    ]);
  });

  it('perProtocol=true counts a participant who failed a check as excluded, not analysed', async () => {
    const body = await flow('?perProtocol=true');
    expect(body.options.perProtocol).toBe(true);
    expect(body.totals).toMatchObject({ failedCheck: 1, excludedFailedCheck: 1, analysed: 2, withoutPostData: 5 });
    const completeCondition = body.conditions.find((condition) => condition.conditionId === cond.complete);
    expect(completeCondition?.counts.excludedFailedCheck).toBe(1);
    const both = await flow('?perProtocol=true&includeIncomplete=false');
    expect(both.totals).toMatchObject({ excludedWithSession: 6, excludedFailedCheck: 1, withoutPostData: 0, analysed: 1 });
  });

  it('filters by protocol version: unseated people belong to the protocol in force when they joined', async () => {
    const v1 = await flow('?protocol=1');
    expect(v1.options.protocol).toEqual([1]);
    expect(v1.people).toEqual({ joined: 8, rejoins: 0, declinedConsent: 1, leftBeforeAllocation: 1, notAllocated: 0, allocated: 6 });
    expect(v1.totals).toMatchObject({ sessions: 3, participants: 6, analysed: 3 });
    const v2 = await flow('?protocol=2');
    expect(v2.people).toEqual({ joined: 3, rejoins: 0, declinedConsent: 1, leftBeforeAllocation: 0, notAllocated: 0, allocated: 2 });
    expect(v2.totals).toEqual(counts({ sessions: 1, participants: 2, withoutPostData: 2 }));
    expect(v2.conditions.find((condition) => condition.conditionId === cond.amended)?.counts.sessions).toBe(1);
    expect((await flow('?protocol=2,1,2')).options.protocol).toEqual([1, 2]);
    expect((await flow('?protocol=3')).totals).toEqual(counts({}));
  });

  it('enrolment: sessions and participants per condition × stratum against the target, every condition listed', async () => {
    const body = (await owner.call('get', `/api/studies/${study.id}/enrolment`).expect(200)).body as EnrolmentBody;
    expect(body.targetSessionsPerCondition).toBe(12);
    expect(body.conditions).toHaveLength(4);
    expect(body.conditions.every((condition) => condition.target === 12)).toBe(true);
    expect(body.totals).toEqual({ target: 48, sessions: 4, completeSessions: 1, participants: 8 });
    const cells = new Map<string, { sessions: number; completeSessions: number; participants: number }>();
    const add = (conditionId: string, stratum: string, complete: number): void => {
      const cell = cells.get(`${conditionId}#${stratum}`) ?? { sessions: 0, completeSessions: 0, participants: 0 };
      cells.set(`${conditionId}#${stratum}`, {
        sessions: cell.sessions + 1,
        completeSessions: cell.completeSessions + complete,
        participants: cell.participants + 2,
      });
    };
    add(cond.complete, 'acquainted=strangers', 1);
    add(cond.dropout, 'acquainted=strangers', 0);
    add(cond.incomplete, 'acquainted=strangers', 0);
    add(cond.amended, 'acquainted=acquainted', 0);
    const reported = new Map(
      body.conditions.flatMap((condition) =>
        condition.strata.map(
          (stratum) =>
            [
              `${condition.conditionId}#${stratum.stratum}`,
              { sessions: stratum.sessions, completeSessions: stratum.completeSessions, participants: stratum.participants },
            ] as const,
        ),
      ),
    );
    expect(reported).toEqual(cells);
    const acquainted = body.conditions
      .find((condition) => condition.conditionId === cond.amended)
      ?.strata.find((stratum) => stratum.stratum === 'acquainted=acquainted');
    expect(acquainted?.covariates).toEqual([{ covariateId: 'acquainted', levelId: 'acquainted' }]);
    for (const condition of body.conditions) {
      expect(condition.sessions).toBe(condition.strata.reduce((sum, stratum) => sum + stratum.sessions, 0));
      expect(condition.levels.map((level) => level.factorId)).toEqual(['phone', 'seating']);
    }
  });

  it('a study without sessions lists every condition at 0 against its target', async () => {
    const fresh = await launchedStudy(owner, { templateId: 'phone_topic' });
    const body = (await owner.call('get', `/api/studies/${fresh.id}/enrolment`).expect(200)).body as EnrolmentBody;
    expect(
      body.conditions.map((condition) => [condition.sessions, condition.participants, condition.strata.length, condition.target]),
    ).toEqual(Array(4).fill([0, 0, 0, 30]));
    expect(body.totals).toEqual({ target: 120, sessions: 0, completeSessions: 0, participants: 0 });
    const empty = await owner.call('get', `/api/studies/${fresh.id}/flow`).expect(200);
    expect((empty.body as FlowBody).totals).toEqual(counts({}));
    expect((empty.body as FlowBody).conditions).toHaveLength(4);
  });

  it('analysts read both; a stranger gets 404, a non-uuid id or a bad option 400 problem+json naming the field, no credentials 401', async () => {
    const analystAccount = await createAccount(app);
    await owner.call('post', `/api/studies/${study.id}/members`).send({ email: analystAccount.email, role: 'analyst' }).expect(204);
    const analyst = await login(app, analystAccount);
    const asAnalyst = (path: string) => request(app.http).get(path).set('Cookie', cookieHeader(analyst.cookies));
    expect(((await asAnalyst(`/api/studies/${study.id}/flow`).expect(200)).body as FlowBody).totals.sessions).toBe(4);
    expect(((await asAnalyst(`/api/studies/${study.id}/enrolment`).expect(200)).body as EnrolmentBody).totals.sessions).toBe(4);

    const stranger = await ownerOf(app);
    for (const route of ['flow', 'enrolment']) {
      expect((await stranger.call('get', `/api/studies/${study.id}/${route}`).expect(404)).body.code).toBe('STUDY_NOT_FOUND');
      const malformed = await owner.call('get', `/api/studies/not-a-uuid/${route}`).expect(400);
      expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
      await request(app.http).get(`/api/studies/${study.id}/${route}`).expect(401);
    }
    for (const [query, field] of [
      ['perProtocol=maybe', 'perProtocol'],
      ['includeIncomplete=1', 'includeIncomplete'],
      ['protocol=abc', 'protocol'],
      ['protocol=0', 'protocol'],
      ['protocol=', 'protocol'],
      ['bogus=1', 'bogus'],
    ] as const) {
      const res = await owner.call('get', `/api/studies/${study.id}/flow?${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect({ query, code: res.body.code, paths: (res.body.errors as Array<{ path: string }>).map((issue) => issue.path) }).toEqual({
        query,
        code: 'VALIDATION_FAILED',
        paths: expect.arrayContaining([field]),
      });
    }
  });
});

describe('GET /api/studies/:id/flow with a rejoin (reform_remaining)', () => {
  let app: TestApp;
  let owner: Owner;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
  });
  afterAll(() => app.close());

  it('counts the person once in joined and the new row as a rejoin; the old seat keeps its condition', async () => {
    const study = await launchedStudy(owner, {
      templateId: 'phone_topic',
      edit: (design) => ({ ...design, dropoutPolicy: 'reform_remaining' }),
    });
    const { session, phones } = await allocatedSession(app.http, owner, study.id);
    const [stays, leaves] = phones as [Phone, Phone];
    await leaves.leave();
    await stays.call('post', 'rejoin').expect(201);
    const body = (await owner.call('get', `/api/studies/${study.id}/flow`).expect(200)).body as FlowBody;
    expect(body.people).toEqual({ joined: 2, rejoins: 1, declinedConsent: 0, leftBeforeAllocation: 0, notAllocated: 1, allocated: 2 });
    const conditionId = await conditionOf(app, session.id);
    expectConditions(
      body,
      new Map([[conditionId, counts({ sessions: 1, participants: 2, leftAfterAllocation: 1, rejoinedElsewhere: 1, withoutPostData: 2 })]]),
    );
    expect(body.conditions.find((condition) => condition.conditionId === conditionId)?.dropoutReasons).toEqual([
      { reason: 'member_left:allocated', sessions: 1, participants: 2 },
    ]);
  });
});
