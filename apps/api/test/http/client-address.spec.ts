import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { createAccount } from '../support/auth';

function wrongLogin(app: TestApp, email: string, forwardedFor: string): request.Test {
  return request(app.http).post('/api/auth/login').set('X-Forwarded-For', forwardedFor).send({ email, password: 'wrong password' });
}

describe('the client address behind the configured proxies (TRUST_PROXY)', () => {
  describe('default: the web app on loopback is the one trusted hop', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(() => app.close());

    it('refuses a forwarded address that is not an IP address (400 problem naming the header)', async () => {
      const res = await request(app.http).get('/api/health').set('X-Forwarded-For', 'not-an-ip').expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'INVALID_CLIENT_ADDRESS', errors: [{ path: 'x-forwarded-for' }] });
      await request(app.http).get('/api/health').set('X-Forwarded-For', '2001:db8::7').expect(200);
    });
  });

  describe('TRUST_PROXY=0: nobody is trusted, the socket decides', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ TRUST_PROXY: '0', LOGIN_RATE_LIMIT_MAX: '10' });
    });
    afterAll(() => app.close());

    it('a made-up X-Forwarded-For on every try does not escape the per-address login limit', async () => {
      const { email } = await createAccount(app);
      for (let i = 0; i < 10; i += 1) await wrongLogin(app, `nobody${i}@example.org`, `198.51.100.${i}`).expect(401);
      expect((await wrongLogin(app, email, '198.51.100.77').expect(429)).body.code).toBe('RATE_LIMITED');
    });
  });
});
