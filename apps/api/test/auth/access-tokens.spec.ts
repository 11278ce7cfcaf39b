import type { Schemas } from '@attune/api-client';
import { COMMANDS } from '../../src/cli/commands';
import request from 'supertest';
import { AccessToken } from '../../src/auth/access-token.entity';
import { startTestApp, type TestApp } from '../support/app';
import { accessToken, cookieHeader, createAccount, login } from '../support/auth';

describe('personal access tokens', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('authenticates a bearer token without CSRF and shows the secret only once', async () => {
    const session = await login(app, await createAccount(app));
    const token = await accessToken(app, session, 'laptop');
    expect(token).toMatch(/^att_[A-Za-z0-9_-]{43}$/);
    const me = await request(app.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.id).toBe(session.userId);
    const list = await request(app.http).get('/api/auth/tokens').set('Authorization', `Bearer ${token}`).expect(200);
    expect(list.body).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(list.body[0]).toMatchObject({ name: 'laptop', prefix: token.slice(0, 10) });
  });

  it('records its last use, writing at most once a minute', async () => {
    const session = await login(app, await createAccount(app));
    const token = await accessToken(app, session);
    const lastUsed = async () => (await app.db.dataSource.manager.findOneByOrFail(AccessToken, { userId: session.userId })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await request(app.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await request(app.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(await lastUsed()).toEqual(first);
    await app.db.dataSource.query(`UPDATE access_token SET last_used_at = now() - interval '2 minutes' WHERE user_id = $1`, [
      session.userId,
    ]);
    await request(app.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(Date.now() - (await lastUsed())!.getTime()).toBeLessThan(60_000);
  });

  it('stores only a hash', async () => {
    const session = await login(app, await createAccount(app));
    const token = await accessToken(app, session);
    const rows = await app.db.dataSource.manager.findBy(AccessToken, { userId: session.userId });
    expect(rows.map((row) => row.tokenHash)).not.toContain(token);
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stops working once revoked, and another user cannot revoke it', async () => {
    const owner = await login(app, await createAccount(app));
    const other = await login(app, await createAccount(app));
    const token = await accessToken(app, owner);
    const [listed] = (await request(app.http).get('/api/auth/tokens').set('Authorization', `Bearer ${token}`))
      .body as Schemas['AccessTokenResponse'][];
    await request(app.http)
      .delete(`/api/auth/tokens/${listed?.id}`)
      .set('Cookie', cookieHeader(other.cookies))
      .set('X-CSRF-Token', other.csrfToken)
      .expect(404);
    await request(app.http).delete(`/api/auth/tokens/${listed?.id}`).set('Authorization', `Bearer ${token}`).expect(204);
    await request(app.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('refuses unknown and malformed bearer tokens', async () => {
    await request(app.http).get('/api/auth/me').set('Authorization', 'Bearer att_unknown').expect(401);
    await request(app.http).get('/api/auth/me').set('Authorization', 'Bearer ').expect(401);
  });
});

describe('accounts (admin only)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('lets an admin create a researcher account who can then log in', async () => {
    const admin = await login(app, await createAccount(app, { isAdmin: true }));
    const body = { email: 'New.Researcher@Example.org', password: 'a long enough password' };
    const created = await request(app.http)
      .post('/api/users')
      .set('Cookie', cookieHeader(admin.cookies))
      .set('X-CSRF-Token', admin.csrfToken)
      .send(body)
      .expect(201);
    expect(created.body).toMatchObject({ email: 'new.researcher@example.org', isAdmin: false });
    await request(app.http).post('/api/auth/login').send(body).expect(200);
    const duplicate = await request(app.http)
      .post('/api/users')
      .set('Cookie', cookieHeader(admin.cookies))
      .set('X-CSRF-Token', admin.csrfToken)
      .send(body)
      .expect(409);
    expect(duplicate.body.code).toBe('EMAIL_TAKEN');
  });

  it('refuses a researcher with 403 and a short password with 400', async () => {
    const researcher = await login(app, await createAccount(app));
    const denied = await request(app.http).get('/api/users').set('Cookie', cookieHeader(researcher.cookies)).expect(403);
    expect(denied.body.code).toBe('ADMIN_REQUIRED');
    const admin = await login(app, await createAccount(app, { isAdmin: true }));
    const short = await request(app.http)
      .post('/api/users')
      .set('Cookie', cookieHeader(admin.cookies))
      .set('X-CSRF-Token', admin.csrfToken)
      .send({ email: 'x@example.org', password: 'short' })
      .expect(400);
    expect(short.body.errors[0]).toMatchObject({ path: 'password', code: 'IS_LENGTH' });
    const own = await request(app.http)
      .post('/api/users')
      .set('Cookie', cookieHeader(admin.cookies))
      .set('X-CSRF-Token', admin.csrfToken)
      .send({ email: 'maria.lopez@example.org', password: 'Maria.Lopez-2026!' })
      .expect(400);
    expect(own.body).toMatchObject({ code: 'WEAK_PASSWORD', errors: [{ path: 'password', code: 'weak_password' }] });
  });

  it('applies the same rules to the admin CLI (the first admin: see first-start seeding)', async () => {
    const refused = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const created = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await expect(
        COMMANDS['create-user']?.run(app.app, { positional: [], options: { email: 'cli@example.org', password: 'change-me-1234' } }),
      ).rejects.toMatchObject({ code: 'WEAK_PASSWORD' });
      expect(
        await COMMANDS['create-user']?.run(app.app, {
          positional: [],
          options: { email: 'cli@example.org', password: 'a sound passphrase here' },
        }),
      ).toBe(0);
    } finally {
      refused.mockRestore();
      created.mockRestore();
    }
  });
});
