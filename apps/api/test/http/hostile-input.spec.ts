import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { accessToken } from '../support/auth';
import { createStudy, type Owner, ownerOf } from '../support/studies';

type Issue = { path: string; code: string };

/** A 400 problem+json whose `errors` name `path` with `code`: the field, before anything ran. */
function expectFieldProblem(res: request.Response, path: string, code: string): void {
  expect(res.status).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.errors as Issue[]).toContainEqual(expect.objectContaining({ path, code }));
}

function nested(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

describe('inputs that used to give 500 get a 400 naming the field', () => {
  let app: TestApp;
  let owner: Owner;
  let studyId: string;
  let design: Record<string, unknown>;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    studyId = await createStudy(owner);
    design = (await owner.call('get', `/api/studies/${studyId}`).expect(200)).body.design;
  });
  afterAll(() => app.close());

  const raw = (method: 'post' | 'put', path: string, body: string) =>
    request(app.http)[method](path).set('Content-Type', 'application/json').send(body);

  it('refuses 5,000 levels of nesting before class-transformer recurses (no login needed)', async () => {
    expectFieldProblem(await raw('post', '/api/auth/login', nested(5000)), 'a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a', 'TOO_DEEP');
    expectFieldProblem(await raw('post', '/api/participant/join', `[${nested(5000)}]`), expect.any(String) as never, 'TOO_DEEP');
  });

  it('answers a body labelled gzip that is not gzip with 400 MALFORMED_BODY', async () => {
    const res = await raw('post', '/api/auth/login', '{"email":"a@example.org","password":"x"}').set('Content-Encoding', 'gzip');
    expectFieldProblem(res, 'content-encoding', 'MALFORMED_BODY');
    expect(res.body.code).toBe('MALFORMED_BODY');
    // serialize: superagent would otherwise turn the Buffer into JSON.
    const real = await request(app.http)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .serialize((body: Buffer) => body as never)
      .send(gzipSync('{"email":"nobody@example.org","password":"x"}'));
    expect(real.status).toBe(401);
  });

  it('refuses NUL characters in stored strings and in map keys', async () => {
    expectFieldProblem(await owner.call('post', '/api/studies').send({ title: 'a\u0000b' }), 'title', 'NUL_CHARACTER');
    const token = await owner.call('post', '/api/auth/tokens').send({ name: 'laptop\u0000' });
    expectFieldProblem(token, 'name', 'NUL_CHARACTER');
    const consent = { ...(design['consent'] as object), text: { 'e\u0000n': 'x' } };
    expectFieldProblem(
      await owner.call('put', `/api/studies/${studyId}`).send({ design: { ...design, consent } }),
      'design.consent.text.e\u0000n',
      'NUL_CHARACTER',
    );
    expectFieldProblem(await request(app.http).get('/api/studies/%00'), 'url', 'NUL_CHARACTER');
  });

  it('refuses lone surrogates, in an email (the validator would throw) and in design texts', async () => {
    expectFieldProblem(await raw('post', '/api/auth/login', '{"email":"a\\ud800@example.org","password":"x"}'), 'email', 'LONE_SURROGATE');
    const conversation = { ...(design['conversation'] as object), instructions: { en: 'talk \udc00' } };
    expectFieldProblem(
      await owner.call('put', `/api/studies/${studyId}`).send({ design: { ...design, conversation } }),
      'design.conversation.instructions.en',
      'LONE_SURROGATE',
    );
  });

  it('answers a path segment that is not UTF-8 with a 400 problem', async () => {
    for (const path of ['/api/studies/%ED%A0%80', '/api/studies/%E0%A4%A/launch', '/api/participant/answers/%FF']) {
      const res = await request(app.http).get(path);
      expect([res.status, res.headers['content-type']]).toEqual([400, expect.stringMatching(/^application\/problem\+json/)]);
    }
  });

  it('refuses __proto__, constructor and prototype keys as unknown fields instead of dropping them', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const res = await raw('post', '/api/auth/login', `{"email":"a@example.org","password":"x","${key}":{"isAdmin":true}}`);
      expectFieldProblem(res, key, 'UNKNOWN_FIELD');
    }
  });

  it('refuses a missing or null part that a handler needs', async () => {
    expectFieldProblem(await request(app.http).post('/api/participant/join').send({ seatSecret: null }), 'seatSecret', 'IS_STRING');
    const launched = await createStudy(owner, { launch: true });
    expectFieldProblem(await owner.call('post', `/api/studies/${launched}/amendments`).send({ reason: 'no design' }), 'design', 'REQUIRED');
  });

  it('refuses a draft without consent, conversation, instruments or randomisation, or with null texts', async () => {
    for (const part of ['consent', 'conversation', 'instruments', 'randomisation']) {
      const { [part]: _left, ...incomplete } = design;
      expectFieldProblem(await owner.call('put', `/api/studies/${studyId}`).send({ design: incomplete }), `design.${part}`, 'REQUIRED');
    }
    const factors = design['factors'] as Array<{ levels: object[] }>;
    const nullTopic = factors.map((factor) => ({ ...factor, levels: factor.levels.map((level) => ({ ...level, topicPrompt: null })) }));
    expectFieldProblem(
      await owner.call('put', `/api/studies/${studyId}`).send({ design: { ...design, factors: nullTopic } }),
      'design.factors[0].levels[0].topicPrompt',
      'IS_STRING_MAP',
    );
    const weights = await owner.call('put', `/api/studies/${studyId}`).send({ design: { ...design, conditionWeights: { a: 'heavy' } } });
    expectFieldProblem(weights, 'design.conditionWeights', 'IS_NUMBER_MAP');
  });

  it('launch reports a stored draft that lacks parts as a problem list, never a 500', async () => {
    const id = await createStudy(owner);
    const { consent: _consent, ...broken } = design;
    await app.db.dataSource.query('UPDATE study SET design = $2::jsonb WHERE id = $1', [
      id,
      JSON.stringify({ ...broken, conversation: null }),
    ]);
    const res = await owner.call('post', `/api/studies/${id}/launch`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_DESIGN');
    const paths = (res.body.errors as Issue[]).map((issue) => `${issue.path}:${issue.code}`);
    expect(paths).toEqual(expect.arrayContaining(['design.consent:REQUIRED', 'design.conversation:REQUIRED']));
  });

  it('still accepts the same requests without the hostile part', async () => {
    await owner.call('put', `/api/studies/${studyId}`).send({ design }).expect(200);
    const session = owner.session;
    expect(await accessToken(app, session, 'laptop')).toMatch(/\S/);
  });
});
