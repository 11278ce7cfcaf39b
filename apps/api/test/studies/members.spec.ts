import type { Schemas } from '@attune/api-client';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { cookieHeader, createAccount, login } from '../support/auth';
import { createStudy, type Owner, ownerOf } from '../support/studies';

type Member = Schemas['MemberResponse'];

describe("a study's team: list, add, change, remove, and never without an owner", () => {
  let app: TestApp;
  let owner: Owner;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
  });
  afterAll(() => app.close());

  async function member(studyId: string, role: string): Promise<{ email: string; call: Owner['call'] }> {
    const credentials = await createAccount(app);
    await owner.call('post', `/api/studies/${studyId}/members`).send({ email: credentials.email, role }).expect(204);
    const session = await login(app, credentials);
    return {
      email: credentials.email,
      call: (method, path) =>
        request(app.http)[method](path).set('Cookie', cookieHeader(session.cookies)).set('X-CSRF-Token', session.csrfToken),
    };
  }

  const team = async (studyId: string): Promise<Member[]> =>
    (await owner.call('get', `/api/studies/${studyId}/members`).expect(200)).body as Member[];

  it('lists members owners first with their emails; analysts may read the list but not change it', async () => {
    const id = await createStudy(owner);
    const analyst = await member(id, 'analyst');
    await member(id, 'researcher');
    const members = await team(id);
    expect(members.map((m) => m.role)).toEqual(['owner', 'researcher', 'analyst']);
    expect(members[0]?.userId).toBe(owner.session.userId);
    expect((await analyst.call('get', `/api/studies/${id}/members`).expect(200)).body).toEqual(members);
    const refused = await analyst.call('delete', `/api/studies/${id}/members/${owner.session.userId}`).expect(403);
    expect(refused.body.code).toBe('ROLE_REQUIRED');
  });

  it('changes a role and removes a member, each audited', async () => {
    const id = await createStudy(owner);
    const researcher = await member(id, 'researcher');
    const userId = (await team(id)).find((m) => m.email === researcher.email)?.userId as string;
    await owner.call('put', `/api/studies/${id}/members/${userId}`).send({ role: 'analyst' }).expect(204);
    expect((await team(id)).find((m) => m.userId === userId)?.role).toBe('analyst');
    await owner.call('delete', `/api/studies/${id}/members/${userId}`).expect(204);
    expect((await team(id)).map((m) => m.userId)).not.toContain(userId);
    await researcher.call('get', `/api/studies/${id}`).expect(404);
    const actions = (await app.db.dataSource.query(
      `SELECT action, data FROM audit_event WHERE study_id = $1 AND subject_id = $2 ORDER BY id`,
      [id, userId],
    )) as Array<{ action: string; data: unknown }>;
    expect(actions).toEqual([
      { action: 'study.member_set', data: { role: 'researcher' } },
      { action: 'study.member_set', data: { role: 'analyst' } },
      { action: 'study.member_removed', data: { formerRole: 'analyst' } },
    ]);
  });

  it('the last owner can be neither removed nor demoted (by any route); with a second owner, either may go', async () => {
    const id = await createStudy(owner);
    const me = owner.session.userId;
    expect((await owner.call('delete', `/api/studies/${id}/members/${me}`).expect(409)).body.code).toBe('LAST_OWNER');
    expect((await owner.call('put', `/api/studies/${id}/members/${me}`).send({ role: 'analyst' }).expect(409)).body.code).toBe(
      'LAST_OWNER',
    );
    const second = await member(id, 'owner');
    const secondId = (await team(id)).find((m) => m.email === second.email)?.userId as string;
    await second.call('put', `/api/studies/${id}/members/${me}`).send({ role: 'researcher' }).expect(204);
    expect((await second.call('delete', `/api/studies/${id}/members/${secondId}`).expect(409)).body.code).toBe('LAST_OWNER');
    expect((await team(id)).filter((m) => m.role === 'owner').map((m) => m.userId)).toEqual([secondId]);
  });

  it('two owners demoting each other at the same moment leave one owner, not none', async () => {
    const id = await createStudy(owner);
    const second = await member(id, 'owner');
    const secondId = (await team(id)).find((m) => m.email === second.email)?.userId as string;
    const results = await Promise.all([
      owner.call('put', `/api/studies/${id}/members/${secondId}`).send({ role: 'analyst' }),
      second.call('put', `/api/studies/${id}/members/${owner.session.userId}`).send({ role: 'analyst' }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    // Serialised by the study's row lock: the first demotion wins; the second either finds its
    // caller no longer an owner (403) or the target the last owner (409).
    expect(statuses[0]).toBe(204);
    expect([403, 409]).toContain(statuses[1]);
    expect(
      (await app.db.dataSource.query(`SELECT count(*)::int AS n FROM study_member WHERE study_id = $1 AND role = 'owner'`, [id]))[0].n,
    ).toBe(1);
  });

  it('an unknown member is 404 MEMBER_NOT_FOUND; a bad role is 400 naming the field', async () => {
    const id = await createStudy(owner);
    const stranger = (await login(app, await createAccount(app))).userId;
    expect((await owner.call('delete', `/api/studies/${id}/members/${stranger}`).expect(404)).body.code).toBe('MEMBER_NOT_FOUND');
    const bad = await owner.call('put', `/api/studies/${id}/members/${owner.session.userId}`).send({ role: 'boss' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'role' })]);
  });
});
