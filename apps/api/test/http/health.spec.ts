import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';

describe('GET /api/health', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('is ok when the database answers and migrations are current', async () => {
    const res = await request(app.http).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', migrations: 'current' });
  });

  it('is not ready while a migration is pending', async () => {
    await app.db.dataSource.undoLastMigration();
    try {
      const res = await request(app.http).get('/api/health').expect(503);
      expect(res.body).toMatchObject({ code: 'UNAVAILABLE', detail: 'migrations pending' });
    } finally {
      await app.db.dataSource.runMigrations();
    }
    await request(app.http).get('/api/health').expect(200);
  });
});
