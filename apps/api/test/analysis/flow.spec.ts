import { startTestApp, type TestApp } from '../support/app';
import { ownerOf, type Owner } from '../support/studies';
import { allocatedSession, launchedStudy, type Phone } from '../sessions/factories';
import { conditionOf, counts, expectConditions, expectedByCondition, type FlowBody, type FlowStudy, seedFlowStudy } from './flow-fixtures';

describe('GET /api/studies/:id/flow: CONSORT counts', () => {
  let app: TestApp;
  let owner: Owner;
  let study: FlowStudy['study'];
  let cond: FlowStudy['cond'];
  let contributions: FlowStudy['contributions'];

  const flow = async (query = ''): Promise<FlowBody> =>
    (await owner.call('get', `/api/studies/${study.id}/flow${query}`).expect(200)).body as FlowBody;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    ({ study, cond, contributions } = await seedFlowStudy(app, owner));
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
