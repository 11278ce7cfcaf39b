import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { createLogger } from '../../src/common/logger';
import { initApp, startTestApp, type TestApp } from '../support/app';
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
      await request(app.http)
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.1')
        .send({ email: account.email, password: 'wrong password' })
        .expect(401);
    }
    const limited = await request(app.http).post('/api/auth/login').set('X-Forwarded-For', '203.0.113.1').send(account).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('limits per client address across accounts', async () => {
    for (let i = 0; i < 3; i += 1) {
      await request(app.http)
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.7')
        .send({ email: `probe${i}@example.org`, password: 'guess' })
        .expect(401);
    }
    await request(app.http)
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.7')
      .send({ email: 'probe9@example.org', password: 'guess' })
      .expect(429);
  });

  it('counts failures in PostgreSQL per account and address, so a second API instance shares them', async () => {
    const account = await createAccount(app);
    const second = await createApp(app.config, createLogger('silent'));
    await initApp(second);
    try {
      const servers = [app.http, second.getHttpServer()];
      for (let i = 0; i < 3; i += 1) {
        await request(servers[i % 2])
          .post('/api/auth/login')
          .set('X-Forwarded-For', '198.51.100.1')
          .send({ email: account.email, password: 'wrong password' })
          .expect(401);
      }
      // Only the failure count of this account from this address, shared through PostgreSQL, can refuse this.
      await request(servers[1]).post('/api/auth/login').set('X-Forwarded-For', '198.51.100.1').send(account).expect(429);
    } finally {
      await second.close();
    }
  });

  it('failures from elsewhere never keep the owner out: the right password from a clean address gets in at once', async () => {
    const account = await createAccount(app);
    for (let i = 0; i < 6; i += 1) {
      await request(app.http)
        .post('/api/auth/login')
        .set('X-Forwarded-For', `192.0.2.${i}`)
        .send({ email: account.email, password: 'wrong password' })
        .expect(401);
    }
    const started = Date.now();
    await request(app.http).post('/api/auth/login').set('X-Forwarded-For', '192.0.2.200').send(account).expect(200);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('slows an address down after each failure for the account', async () => {
    const account = await createAccount(app);
    const timed = async (password: string, status: number) => {
      const started = Date.now();
      await request(app.http)
        .post('/api/auth/login')
        .set('X-Forwarded-For', '192.0.2.222')
        .send({ email: account.email, password })
        .expect(status);
      return Date.now() - started;
    };
    await timed('wrong password', 401);
    expect(await timed('wrong password', 401)).toBeGreaterThanOrEqual(250);
    expect(await timed(account.password, 200)).toBeGreaterThanOrEqual(500);
  });
});
