import { startTestApp, type TestApp } from '../support/app';
import { createSession, submitPhase, VALID_PRE } from './factories';

describe('participant submit rate limit', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SUBMIT_RATE_LIMIT_MAX: '3', SUBMIT_RATE_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterAll(() => app.close());

  it('answers 429 with Retry-After once a participant used up the window, per participant', async () => {
    const [me, partner] = (await createSession(app)).seats;
    if (!me || !partner) throw new Error('no seats');
    const invalid = { closeness_sci: { sci_relative_own: 99 } };
    for (let i = 0; i < 3; i += 1) await submitPhase(app, me.token, 'pre', invalid).expect(400);
    const limited = await submitPhase(app, me.token, 'pre', VALID_PRE).expect(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The partner has a counter of their own.
    await submitPhase(app, partner.token, 'pre', VALID_PRE).expect(201);
  });
});
