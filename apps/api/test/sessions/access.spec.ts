import type { Schemas } from '@attune/api-client';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { cookieHeader, createAccount, login } from '../support/auth';
import { type Owner, ownerOf } from '../support/studies';
import { allocatedSession, join, labSession, launchedStudy, type StudyFixture } from './factories';

describe('who sees what: participant tokens and study roles', () => {
  let app: TestApp;
  let owner: Owner;
  let study: StudyFixture;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    study = await launchedStudy(owner, { templateId: 'phone_topic' });
  });
  afterAll(() => app.close());

  it("a participant's token shows only their own session, never another session's or anyone's answers", async () => {
    const one = await allocatedSession(app.http, owner, study.id, { acquainted: 'acquainted' });
    const other = await labSession(owner, study.id);
    const lone = await join(app.http, { seatSecret: other.seats[0]?.joinPath.replace('/join/seat/', '') });
    const mine = await lone.state();
    expect(mine.session).toMatchObject({ status: 'forming', seatsTaken: 1, seatsConsented: 0, instructions: null });
    expect(mine.participant.id).toBe(lone.participantId);
    const text = JSON.stringify(mine);
    for (const phone of one.phones) expect(text).not.toContain(phone.participantId);
    expect(text).not.toContain(one.session.id);
    expect(text).not.toContain(other.id);
    // Members see their own session only, with no partner ids or covariate answers.
    const member = JSON.stringify(await one.phones[0]?.state());
    expect(member).not.toContain(one.phones[1]?.participantId ?? 'x');
    expect(member).not.toContain('"acquainted":"acquainted"');
  });

  it('refuses missing, malformed and unknown participant tokens with 401 problem+json', async () => {
    for (const token of [undefined, 'nope', 'atp_unknown', `atp_${'x'.repeat(200)}`]) {
      const call = request(app.http).get('/api/participant/state');
      const res = await (token === undefined ? call : call.set('X-Participant-Token', token)).expect(401);
      expect(res.body.code).toBe('PARTICIPANT_TOKEN_INVALID');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    // A researcher's credentials are not a participant token.
    await request(app.http)
      .post('/api/participant/consent')
      .set('Cookie', cookieHeader(owner.session.cookies))
      .set('X-CSRF-Token', owner.session.csrfToken)
      .send({ consentVersion: '1', agree: true })
      .expect(401);
  });

  it("gives another study's researcher 404 on every session route, an analyst read-only access, and 404 for a session of another study", async () => {
    const { session } = await allocatedSession(app.http, owner, study.id);
    const stranger = await ownerOf(app);
    const base = `/api/studies/${study.id}/sessions`;
    expect((await stranger.call('get', base).expect(404)).body.code).toBe('STUDY_NOT_FOUND');
    await stranger.call('get', `${base}/${session.id}`).expect(404);
    await stranger.call('post', base).expect(404);
    for (const action of ['end-conversation', 'abandon', 'dropout', 'observed-covariates']) {
      await stranger
        .call('post', `${base}/${session.id}/${action}`)
        .send(action === 'observed-covariates' ? { values: {} } : { reason: 'x' })
        .expect(404);
    }

    const analystAccount = await createAccount(app);
    await owner.call('post', `/api/studies/${study.id}/members`).send({ email: analystAccount.email, role: 'analyst' }).expect(204);
    const analyst = await login(app, analystAccount);
    const asAnalyst = (method: 'get' | 'post', path: string) =>
      request(app.http)[method](path).set('Cookie', cookieHeader(analyst.cookies)).set('X-CSRF-Token', analyst.csrfToken);
    const listed = (await asAnalyst('get', base).expect(200)).body as Schemas['SessionSummaryResponse'][];
    expect(listed.find((row) => row.id === session.id)?.conditionId).toMatch(/^phone=/);
    expect((await asAnalyst('post', base).expect(403)).body.code).toBe('ROLE_REQUIRED');
    await asAnalyst('post', `${base}/${session.id}/abandon`).send({ reason: 'x' }).expect(403);

    const otherStudy = await launchedStudy(owner);
    const foreign = await labSession(owner, otherStudy.id);
    expect((await owner.call('get', `${base}/${foreign.id}`).expect(404)).body.code).toBe('SESSION_NOT_FOUND');
    expect((await owner.call('post', `${base}/${foreign.id}/abandon`).send({ reason: 'x' }).expect(404)).body.code).toBe(
      'SESSION_NOT_FOUND',
    );
    await owner.call('get', `${base}/not-a-uuid`).expect(400);
  });

  it('gives analysts no lab join code (it would let them take a seat); owners and researchers see it', async () => {
    const forming = await labSession(owner, study.id);
    const base = `/api/studies/${study.id}/sessions`;
    const analystAccount = await createAccount(app);
    await owner.call('post', `/api/studies/${study.id}/members`).send({ email: analystAccount.email, role: 'analyst' }).expect(204);
    const analyst = await login(app, analystAccount);
    const asAnalyst = (path: string) =>
      request(app.http).get(path).set('Cookie', cookieHeader(analyst.cookies)).set('X-CSRF-Token', analyst.csrfToken).expect(200);
    const listed = ((await asAnalyst(base)).body as Schemas['SessionSummaryResponse'][]).find((row) => row.id === forming.id);
    expect(listed).toMatchObject({ id: forming.id, code: null });
    const detail = (await asAnalyst(`${base}/${forming.id}`)).body as Schemas['SessionDetailResponse'];
    expect(detail.code).toBeNull();
    expect(JSON.stringify(detail)).not.toContain(forming.code);
    const ownersView = ((await owner.call('get', base).expect(200)).body as Schemas['SessionSummaryResponse'][]).find(
      (row) => row.id === forming.id,
    );
    expect(ownersView?.code).toBe(forming.code);
    expect((await owner.call('get', `${base}/${forming.id}`).expect(200)).body.code).toBe(forming.code);
  });

  it('never shows a forming session a condition, in any role', async () => {
    const forming = await labSession(owner, study.id);
    const detail = (await owner.call('get', `/api/studies/${study.id}/sessions/${forming.id}`).expect(200)).body;
    expect(detail).toMatchObject({ status: 'forming', conditionId: null, stratum: null });
    expect(JSON.stringify(detail)).not.toMatch(/phone=/);
  });
});
