import { brotliCompressSync, deflateSync } from 'node:zlib';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';

// The API runs on Fastify; these pin what Express's body-parser and router did, which clients and
// the fuzz rely on: compressed bodies, JSON only and strict, an empty body as {}, long path segments.
describe('request bodies and paths on Fastify', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const login = (body: string | Buffer, headers: Record<string, string>) => {
    const req = request(app.http).post('/api/auth/login');
    for (const [name, value] of Object.entries(headers)) void req.set(name, value);
    // serialize: superagent would otherwise turn a Buffer into JSON.
    return req.serialize((value: unknown) => value as never).send(body as never);
  };
  const credentials = '{"email":"nobody@example.org","password":"not the password"}';
  const problem = (res: request.Response, status: number, code: string): void => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe(code);
  };

  it('inflates deflate and br bodies, and refuses a br label on plain JSON as MALFORMED_BODY', async () => {
    const json = { 'Content-Type': 'application/json' };
    problem(await login(deflateSync(credentials), { ...json, 'Content-Encoding': 'deflate' }), 401, 'INVALID_CREDENTIALS');
    problem(await login(brotliCompressSync(credentials), { ...json, 'Content-Encoding': 'br' }), 401, 'INVALID_CREDENTIALS');
    problem(await login(credentials, { ...json, 'Content-Encoding': 'br' }), 400, 'MALFORMED_BODY');
    problem(await login(credentials, { ...json, 'Content-Encoding': 'compress' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('takes JSON only, strictly: an object or array at the top, an empty body as {}', async () => {
    const json = { 'Content-Type': 'application/json' };
    problem(await login('5', json), 400, 'MALFORMED_JSON');
    problem(await login('{"email":', json), 400, 'MALFORMED_JSON');
    const empty = await login('', json);
    problem(empty, 400, 'VALIDATION_FAILED');
    expect(empty.body.errors.map((issue: { path: string }) => issue.path)).toEqual(expect.arrayContaining(['email', 'password']));
    problem(await login(credentials, { 'Content-Type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    problem(await login(credentials, { 'Content-Type': 'application/json; charset=utf-8' }), 401, 'INVALID_CREDENTIALS');
  });

  it('lets a path segment of any length reach its route, whose pipe or guard answers', async () => {
    const long = 'a'.repeat(5000);
    problem(await request(app.http).get(`/api/studies/${long}/flow`), 401, 'UNAUTHENTICATED');
    problem(
      await request(app.http).get(`/api/participant/answers/${long}`).set('X-Participant-Token', 'atp_x'),
      401,
      'PARTICIPANT_TOKEN_INVALID',
    );
  });

  it('answers a path that is not percent-decodable with 400 MALFORMED_URL', async () => {
    problem(await request(app.http).get('/api/studies/%E0%A4%A/flow'), 400, 'MALFORMED_URL');
  });
});
