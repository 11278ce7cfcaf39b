import type { Schemas } from '@attune/api-client';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { cookieHeader, createAccount, login } from '../support/auth';
import { createStudy, type Owner, ownerOf } from '../support/studies';

describe('studies and protocols', () => {
  let app: TestApp;
  let owner: Owner;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
  });
  afterAll(() => app.close());

  it('creates a prefilled draft from each template', async () => {
    const templates = (await owner.call('get', '/api/studies/templates').expect(200)).body as Schemas['TemplateResponse'][];
    expect(templates.map((t) => t.id)).toEqual(['phone_topic', 'phone_seating', 'phone_only', 'blank']);
    const id = await createStudy(owner, { templateId: 'phone_topic' });
    const study = (await owner.call('get', `/api/studies/${id}`).expect(200)).body;
    expect(study).toMatchObject({ status: 'draft', role: 'owner', seedCommitment: null });
    expect(study.design.factors.map((f: { id: string }) => f.id)).toEqual(['phone', 'topic']);
    expect(study.design.conversation.durationSeconds).toBe(600);
    const list = (await owner.call('get', '/api/studies').expect(200)).body as Schemas['StudySummaryResponse'][];
    expect(list.map((s) => s.id)).toContain(id);
  });

  it('rejects an unknown template with 400', async () => {
    const res = await owner.call('post', '/api/studies').send({ title: 'x', templateId: 'nope' }).expect(400);
    expect(res.body.code).toBe('UNKNOWN_TEMPLATE');
  });

  it('launch refuses an invalid design with every problem and its path', async () => {
    const id = await createStudy(owner);
    const study = (await owner.call('get', `/api/studies/${id}`).expect(200)).body;
    const design = {
      ...study.design,
      stratifyBy: ['no_such_covariate'],
      languages: ['en', 'de'],
      instruments: { pre: [{ id: 'ios', version: 9 }], post: [] },
    };
    await owner.call('put', `/api/studies/${id}`).send({ design }).expect(200);
    const res = await owner.call('post', `/api/studies/${id}/launch`).expect(400);
    expect(res.body.code).toBe('INVALID_DESIGN');
    const problems = (res.body.errors as Array<{ path: string; code: string }>).map((e) => `${e.path}:${e.code}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'design.stratifyBy[0]:UNKNOWN_COVARIATE',
        'design.instruments.pre[0]:UNKNOWN_INSTRUMENT',
        'design.instruments.post:REQUIRED',
        'design.consent.text.de:MISSING_TRANSLATION',
      ]),
    );
    expect((await owner.call('get', `/api/studies/${id}`).expect(200)).body.status).toBe('draft');
  });

  it('launch refuses a level "mixed" on a reported stratification covariate, the stratum of partners who disagree', async () => {
    const id = await createStudy(owner, { templateId: 'phone_seating' });
    const { design } = (await owner.call('get', `/api/studies/${id}`).expect(200)).body as Schemas['StudyResponse'];
    const renamed = (covariateId: string) =>
      design.covariates.map((covariate) =>
        covariate.id === covariateId
          ? { ...covariate, levels: covariate.levels.map((level, index) => (index === 0 ? { ...level, id: 'mixed' } : level)) }
          : covariate,
      );
    const index = design.covariates.findIndex((covariate) => covariate.id === 'acquainted');
    await owner
      .call('put', `/api/studies/${id}`)
      .send({ design: { ...design, covariates: renamed('acquainted') } })
      .expect(200);
    const refused = await owner.call('post', `/api/studies/${id}/launch`).expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: `design.covariates[${index}].levels[0].id`, code: 'RESERVED_ID' }),
    ]);

    // Where members cannot disagree the id is free: here the research assistant's observed covariate.
    await owner
      .call('put', `/api/studies/${id}`)
      .send({ design: { ...design, covariates: renamed('phone_seen') } })
      .expect(200);
    await owner.call('post', `/api/studies/${id}/launch`).expect(200);
  });

  it('validates the design shape with class-validator paths', async () => {
    const id = await createStudy(owner);
    const res = await owner
      .call('put', `/api/studies/${id}`)
      .send({ design: { factors: [{ id: 'Bad Id', label: '', levels: [] }] } })
      .expect(400);
    const paths = (res.body.errors as Array<{ path: string }>).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['design.factors[0].id', 'design.factors[0].levels', 'design.sessionSize']));
  });

  it('launch freezes the protocol as canonical JSON with its SHA-256 and a seed commitment, never the seed', async () => {
    const id = await createStudy(owner, { launch: true });
    const study = (await owner.call('get', `/api/studies/${id}`).expect(200)).body;
    expect(study).toMatchObject({ status: 'launched', protocolVersion: 1, seedRevealedAt: null });
    expect(study.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(study)).not.toMatch(/seedHex/);
    const [protocol] = (await owner.call('get', `/api/studies/${id}/protocols`).expect(200)).body;
    expect(protocol.hash).toBe(createHash('sha256').update(protocol.canonicalJson).digest('hex'));
    const document = JSON.parse(protocol.canonicalJson);
    expect(document.allocationSeedCommitment.value).toBe(study.seedCommitment);
    expect(document.instruments.every((i: { hash: string }) => /^[0-9a-f]{64}$/.test(i.hash))).toBe(true);
    expect(document.conditions).toHaveLength(4);
    const verification = await owner.call('get', `/api/studies/${id}/allocation-verification`).expect(409);
    expect(verification.body.code).toBe('SEED_NOT_REVEALED');
  });

  it('refuses to edit a launched study (409) and audits the attempt', async () => {
    const id = await createStudy(owner, { launch: true });
    const res = await owner.call('put', `/api/studies/${id}`).send({ title: 'Changed' }).expect(409);
    expect(res.body.code).toBe('STUDY_LAUNCHED');
    const audit = await app.db.dataSource.query(`SELECT action FROM audit_event WHERE study_id = $1 ORDER BY id`, [id]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['study.created', 'study.launched', 'study.edit_refused']);
  });

  it('amends into a new protocol version with a reason, but never changes the allocation', async () => {
    const id = await createStudy(owner, { launch: true });
    const { design } = (await owner.call('get', `/api/studies/${id}`).expect(200)).body;
    const amended = { ...design, consent: { version: '2', text: { en: `${design.consent.text.en} (amended)` } } };
    const protocol = (
      await owner.call('post', `/api/studies/${id}/amendments`).send({ design: amended, reason: 'clarified consent' }).expect(201)
    ).body;
    expect(protocol).toMatchObject({ version: 2, reason: 'clarified consent' });
    expect((await owner.call('get', `/api/studies/${id}`).expect(200)).body.protocolVersion).toBe(2);
    const changesAllocation = { ...design, conditionWeights: { 'phone=present|seating=face_to_face': 2 } };
    const refused = await owner
      .call('post', `/api/studies/${id}/amendments`)
      .send({ design: changesAllocation, reason: 'more of one cell' })
      .expect(400);
    expect(refused.body.errors[0].code).toBe('CHANGES_ALLOCATION');
  });

  it('moves launched → paused → launched → closed and refuses illegal moves', async () => {
    const id = await createStudy(owner, { launch: true });
    await owner.call('post', `/api/studies/${id}/resume`).expect(409);
    await owner.call('post', `/api/studies/${id}/pause`).expect(200);
    await owner.call('post', `/api/studies/${id}/resume`).expect(200);
    const closed = (await owner.call('post', `/api/studies/${id}/close`).expect(200)).body;
    expect(closed.seedRevealedAt).not.toBeNull();
    await owner.call('post', `/api/studies/${id}/launch`).expect(409);
  });

  it('after close, reveals a seed that matches the commitment and verifies an empty sequence', async () => {
    const id = await createStudy(owner, { launch: true });
    const { seedCommitment } = (await owner.call('post', `/api/studies/${id}/close`).expect(200)).body;
    const report = (await owner.call('get', `/api/studies/${id}/allocation-verification`).expect(200)).body;
    expect(report).toMatchObject({ matches: true, seedCommitment, strata: [] });
    expect(createHash('sha256').update(Buffer.from(report.seedHex, 'hex')).digest('hex')).toBe(seedCommitment);
  });
});

describe('study roles', () => {
  let app: TestApp;
  let owner: Owner;
  let studyId: string;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    studyId = await createStudy(owner);
  });
  afterAll(() => app.close());

  async function member(role: 'analyst' | 'researcher') {
    const credentials = await createAccount(app);
    await owner.call('post', `/api/studies/${studyId}/members`).send({ email: credentials.email, role }).expect(204);
    const session = await login(app, credentials);
    return (method: 'get' | 'post' | 'put', path: string) =>
      request(app.http)[method](path).set('Cookie', cookieHeader(session.cookies)).set('X-CSRF-Token', session.csrfToken);
  }

  it('lets an analyst read but not edit or launch', async () => {
    const analyst = await member('analyst');
    const read = await analyst('get', `/api/studies/${studyId}`).expect(200);
    expect(read.body.role).toBe('analyst');
    expect((await analyst('put', `/api/studies/${studyId}`).send({ title: 'x' }).expect(403)).body.code).toBe('ROLE_REQUIRED');
    await analyst('post', `/api/studies/${studyId}/launch`).expect(403);
  });

  it('lets a researcher read but not launch', async () => {
    const researcher = await member('researcher');
    await researcher('get', `/api/studies/${studyId}`).expect(200);
    await researcher('post', `/api/studies/${studyId}/launch`).expect(403);
  });

  it('answers 404 to someone outside the study, for every study route', async () => {
    const stranger = await ownerOf(app);
    for (const [method, path] of [
      ['get', ''],
      ['put', ''],
      ['post', '/launch'],
      ['get', '/protocols'],
      ['post', '/close'],
    ] as const) {
      const res = await stranger.call(method, `/api/studies/${studyId}${path}`).send(method === 'put' ? { title: 'x' } : {});
      expect([res.status, res.body.code]).toEqual([404, 'STUDY_NOT_FOUND']);
    }
    const list = (await stranger.call('get', '/api/studies').expect(200)).body as Schemas['StudySummaryResponse'][];
    expect(list).toEqual([]);
  });

  it('answers an unknown member email exactly like a known one (no account probing), and tells the owner through the audit log', async () => {
    const unknown = await owner
      .call('post', `/api/studies/${studyId}/members`)
      .send({ email: 'nobody@example.org', role: 'analyst' })
      .expect(204);
    const analyst = await createAccount(app);
    const added = await owner.call('post', `/api/studies/${studyId}/members`).send({ email: analyst.email, role: 'analyst' }).expect(204);
    expect(unknown.text).toBe(added.text);
    const [event] = (await app.db.dataSource.query(
      `SELECT data FROM audit_event WHERE study_id = $1 AND action = 'study.member_not_added'`,
      [studyId],
    )) as Array<{ data: Record<string, unknown> }>;
    expect(event?.data).toEqual({ role: 'analyst', reason: 'no_account' });
    // Analysts read data and recruit nobody: they do not receive the study's join code.
    const asAnalyst = await login(app, analyst);
    expect(
      (await request(app.http).get(`/api/studies/${studyId}`).set('Cookie', cookieHeader(asAnalyst.cookies)).expect(200)).body.joinCode,
    ).toBeNull();
    expect((await owner.call('get', `/api/studies/${studyId}`).expect(200)).body.joinCode).toEqual(expect.any(String));
  });
});
