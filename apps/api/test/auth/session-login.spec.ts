import request from 'supertest';
import { AuthSession } from '../../src/auth/auth-session.entity';
import { startTestApp, type TestApp } from '../support/app';
import { cookieHeader, cookiesOf, createAccount, login } from '../support/auth';

describe('browser login with a server-side session', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const account = await createAccount(app);
    const res = await request(app.http).post('/api/auth/login').send(account).expect(200);
    const [session, csrf] = [
      cookiesOf(res).find((c) => c.startsWith('attune_session=')),
      cookiesOf(res).find((c) => c.startsWith('attune_csrf=')),
    ];
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(res.body.user).toMatchObject({ email: account.email, isAdmin: false });
    const me = await request(app.http)
      .get('/api/auth/me')
      .set('Cookie', cookieHeader(cookiesOf(res)))
      .expect(200);
    expect(me.body.email).toBe(account.email);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const account = await createAccount(app);
    const wrong = await request(app.http).post('/api/auth/login').send({ email: account.email, password: 'wrong password!' }).expect(401);
    const unknown = await request(app.http)
      .post('/api/auth/login')
      .send({ email: 'nobody@example.org', password: 'wrong password!' })
      .expect(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('accepts the email in any case', async () => {
    const account = await createAccount(app);
    await request(app.http)
      .post('/api/auth/login')
      .send({ ...account, email: account.email.toUpperCase() })
      .expect(200);
  });

  it('stores only a hash of the session secret', async () => {
    const account = await createAccount(app);
    const session = await login(app, account);
    const secret = cookieHeader(session.cookies).match(/attune_session=([^;]+)/)?.[1] as string;
    const rows = await app.db.dataSource.manager.findBy(AuthSession, { userId: session.userId });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.tokenHash)).not.toContain(secret);
  });

  it('rotates the session at login: the old cookie stops working', async () => {
    const account = await createAccount(app);
    const first = await login(app, account);
    const second = await request(app.http).post('/api/auth/login').set('Cookie', cookieHeader(first.cookies)).send(account).expect(200);
    expect(cookieHeader(cookiesOf(second))).not.toBe(cookieHeader(first.cookies));
    await request(app.http).get('/api/auth/me').set('Cookie', cookieHeader(first.cookies)).expect(401);
    await request(app.http)
      .get('/api/auth/me')
      .set('Cookie', cookieHeader(cookiesOf(second)))
      .expect(200);
  });

  it('logs out on the server: the same cookie is refused afterwards', async () => {
    const account = await createAccount(app);
    const session = await login(app, account);
    const logout = await request(app.http)
      .post('/api/auth/logout')
      .set('Cookie', cookieHeader(session.cookies))
      .set('X-CSRF-Token', session.csrfToken)
      .expect(204);
    expect(cookiesOf(logout).join(';')).toMatch(/attune_session=;/);
    await request(app.http).get('/api/auth/me').set('Cookie', cookieHeader(session.cookies)).expect(401);
  });

  it('refuses a state-changing cookie request without the CSRF token', async () => {
    const account = await createAccount(app);
    const session = await login(app, account);
    const missing = await request(app.http).post('/api/auth/logout').set('Cookie', cookieHeader(session.cookies)).expect(403);
    expect(missing.body.code).toBe('CSRF_TOKEN_INVALID');
    await request(app.http).post('/api/auth/logout').set('Cookie', cookieHeader(session.cookies)).set('X-CSRF-Token', 'forged').expect(403);
    await request(app.http).get('/api/auth/me').set('Cookie', cookieHeader(session.cookies)).expect(200);
  });

  it('expires sessions', async () => {
    const account = await createAccount(app);
    const session = await login(app, account);
    await app.db.dataSource.query(`UPDATE auth_session SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [session.userId]);
    await request(app.http).get('/api/auth/me').set('Cookie', cookieHeader(session.cookies)).expect(401);
  });
});

describe('login behind https', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ PUBLIC_URL: 'https://attune.example.org' });
  });
  afterAll(() => app.close());

  it('marks cookies Secure, whatever scheme a proxy claims', async () => {
    const account = await createAccount(app);
    const res = await request(app.http).post('/api/auth/login').set('X-Forwarded-Proto', 'http').send(account).expect(200);
    const cookies = cookiesOf(res);
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
  });
});
