import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { accessToken, createAccount, login } from '../support/auth';

describe('who may read /api/docs (API_DOCS; production default: signed-in users)', () => {
  describe('login', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ API_DOCS: 'login' });
    });
    afterAll(() => app.close());

    it('refuses anonymous readers with a problem, lets a session or a personal access token in', async () => {
      for (const path of ['/api/docs-json', '/api/docs']) {
        const res = await request(app.http).get(path).expect(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.code).toBe('UNAUTHENTICATED');
      }
      const token = await accessToken(app, await login(app, await createAccount(app)));
      const doc = await request(app.http).get('/api/docs-json').set('Authorization', `Bearer ${token}`).expect(200);
      expect(doc.body.info.title).toBe('Attune API');
      await request(app.http).get('/api/docs-json').set('Authorization', 'Bearer att_not-a-real-token').expect(401);
    });
  });

  describe('off', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ API_DOCS: 'off' });
    });
    afterAll(() => app.close());

    it('serves no documentation at all', async () => {
      await request(app.http).get('/api/docs-json').expect(404);
    });
  });
});
