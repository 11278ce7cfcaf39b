import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { createLogger } from '../../src/common/logger';
import { startTestApp, type TestApp } from '../support/app';
import { createAccount } from '../support/auth';

describe('login rate limit', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ LOGIN_RATE_LIMIT_MAX: '3', LOGIN_RATE_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterAll(() => app.close());

  it('answers 429 with Retry-After once the window is used up, even with the right password', async () => {
    const account = await createAccount(app);
    for (let i = 0; i < 3; i += 1) {
      await request(app.http).post('/api/auth/login').set('X-Forwarded-For', '203.0.113.1').send({ email: account.email, password: 'wrong password' }).expect(401);
    }
    const limited = await request(app.http).post('/api/auth/login').set('X-Forwarded-For', '203.0.113.1').send(account).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('limits per client address across accounts', async () => {
    for (let i = 0; i < 3; i += 1) {
      await request(app.http).post('/api/auth/login').set('X-Forwarded-For', '203.0.113.7').send({ email: `probe${i}@example.org`, password: 'guess' }).expect(401);
    }
    await request(app.http).post('/api/auth/login').set('X-Forwarded-For', '203.0.113.7').send({ email: 'probe9@example.org', password: 'guess' }).expect(429);
  });

  it('counts in PostgreSQL, so a second API instance on the same database shares the limit', async () => {
    const account = await createAccount(app);
    const second = await createApp(app.config, createLogger('silent'));
    await second.init();
    try {
      const servers = [app.http, second.getHttpServer()];
      for (let i = 0; i < 3; i += 1) {
        await request(servers[i % 2]).post('/api/auth/login').set('X-Forwarded-For', `198.51.100.${i}`).send({ email: account.email, password: 'wrong password' }).expect(401);
      }
      // A fresh address: only the per-account counter, shared through PostgreSQL, can refuse this.
      await request(servers[1]).post('/api/auth/login').set('X-Forwarded-For', '198.51.100.9').send(account).expect(429);
    } finally {
      await second.close();
    }
  });
});
