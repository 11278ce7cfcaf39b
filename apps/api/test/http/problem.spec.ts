import type { Schemas } from '@attune/api-client';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';

describe('errors as application/problem+json', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(() => app.close());

  function expectProblem(res: request.Response, status: number, code: string): void {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code, type: expect.stringMatching(/^urn:attune:problem:/), title: expect.any(String) });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  }

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await request(app.http).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    expectProblem(res, 400, 'MALFORMED_JSON');
  });

  it('names an unknown field in a 400', async () => {
    const res = await request(app.http).post('/api/auth/login').send({ email: 'a@example.org', password: 'x', isAdmin: true });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toContainEqual({ path: 'isAdmin', code: 'UNKNOWN_FIELD', message: expect.any(String) });
  });

  it('names each invalid field with its code', async () => {
    const res = await request(app.http).post('/api/auth/login').send({ email: 'not-an-email' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    const paths = (res.body.errors as Schemas['ProblemFieldIssue'][]).map((e) => `${e.path}:${e.code}`);
    expect(paths).toEqual(expect.arrayContaining(['email:IS_EMAIL', 'password:IS_STRING']));
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await request(app.http)
      .post('/api/auth/login')
      .send({ email: 'a@example.org', password: 'x'.repeat(4096) });
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await request(app.http).get('/api/no-such-thing');
    expectProblem(res, 404, 'NOT_FOUND');
  });

  it('keeps a safe incoming request id and replaces an unsafe one', async () => {
    const kept = await request(app.http).get('/api/health').set('X-Request-Id', 'trace-123');
    expect(kept.headers['x-request-id']).toBe('trace-123');
    const replaced = await request(app.http).get('/api/health').set('X-Request-Id', 'bad id\twith spaces');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await request(app.http).get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
