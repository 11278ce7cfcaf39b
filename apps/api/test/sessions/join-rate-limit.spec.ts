import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';

describe('join rate limit (R8)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ JOIN_RATE_LIMIT_MAX: '3', JOIN_RATE_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterAll(() => app.close());

  it('answers 429 with Retry-After once one address has used up its joins, so session codes cannot be guessed at volume', async () => {
    for (let i = 0; i < 3; i += 1) {
      const miss = await request(app.http)
        .post('/api/participant/join')
        .set('X-Forwarded-For', '203.0.113.20')
        .send({ sessionCode: `ZZZZZ${i}` });
      expect(miss.body.code).toBe('JOIN_LINK_NOT_FOUND');
    }
    const limited = await request(app.http)
      .post('/api/participant/join')
      .set('X-Forwarded-For', '203.0.113.20')
      .send({ sessionCode: 'ZZZZZ9' })
      .expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const other = await request(app.http)
      .post('/api/participant/join')
      .set('X-Forwarded-For', '203.0.113.21')
      .send({ sessionCode: 'ZZZZZ9' });
    expect(other.body.code).toBe('JOIN_LINK_NOT_FOUND');
  });
});
