import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { cookieHeader, createAccount, login } from '../support/auth';
import { ownerOf, type Owner } from '../support/studies';
import { launchedStudy } from '../sessions/factories';
import { counts, type EnrolmentBody, type FlowBody, type FlowStudy, seedFlowStudy } from './flow-fixtures';

describe('GET /api/studies/:id/enrolment against target, and who may read it and the flow', () => {
  let app: TestApp;
  let owner: Owner;
  let study: FlowStudy['study'];
  let cond: FlowStudy['cond'];

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    ({ study, cond } = await seedFlowStudy(app, owner));
  });
  afterAll(() => app.close());

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
