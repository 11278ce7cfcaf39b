import { initApp } from '../support/app';
import type { Schemas } from '@attune/api-client';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { createLogger } from '../../src/common/logger';
import { loadConfig } from '../../src/config/config';
import { prepareDatabase } from '../../src/database/prepare';
import type { TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { ownerOf } from '../support/studies';
import { finishedSession, withdrawalStudy } from '../withdrawals/support';

function serverClient(): Client {
  return new Client({ connectionString: process.env['ATTUNE_TEST_SERVER_URL'] });
}

describe('database roles: the owner migrates, the API runs as a runtime role that cannot rewrite history', () => {
  const role = `attune_rt_${randomBytes(4).toString('hex')}`;
  let db: TestDatabase;
  let runtimeUrl: string;
  let app: TestApp;
  let runtime: Client;

  beforeAll(async () => {
    db = await createTestDatabase(2);
    const url = new URL(db.url);
    url.username = role;
    url.password = 'runtime-password-for-tests';
    runtimeUrl = url.toString();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: runtimeUrl,
      MIGRATION_DATABASE_URL: db.url,
      RETENTION_CHECK_MINUTES: '0',
    });
    // The role does not exist yet: preparing the database creates and grants it.
    await prepareDatabase(config);
    const nest = await createApp(config, createLogger('silent'));
    await initApp(nest);
    app = { app: nest, db, config, http: nest.getHttpServer() as TestApp['http'], close: () => nest.close() };
    runtime = new Client({ connectionString: runtimeUrl });
    await runtime.connect();
    await runtime.query(`INSERT INTO audit_event (actor_type, action) VALUES ('system', 'roles.test')`);
  });
  afterAll(async () => {
    await runtime.end();
    await app.close();
    await db.drop();
    const admin = serverClient();
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS "${role}"`);
    await admin.end();
  });

  it('is a plain login role that owns nothing', async () => {
    const { rows } = await runtime.query(
      `SELECT rolsuper, rolcreaterole, rolcreatedb, current_user AS me FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, me: role });
    const owned = await runtime.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
    expect(owned.rows).toEqual([]);
  });

  it.each([
    ['UPDATE the audit log', `UPDATE audit_event SET action = 'rewritten'`, /permission denied/],
    ['DELETE from it', `DELETE FROM audit_event`, /permission denied/],
    ['TRUNCATE it', `TRUNCATE audit_event`, /permission denied/],
    ['disable its trigger', `ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`, /must be owner/],
    [
      'replace the trigger function',
      `CREATE OR REPLACE FUNCTION audit_event_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
      /must be owner|permission denied/,
    ],
    ['drop a table', `DROP TABLE participant`, /must be owner/],
    ['create a table', `CREATE TABLE public.sneaky (id int)`, /permission denied/],
    ['record a migration', `INSERT INTO migrations (timestamp, name) VALUES (1, 'Fake1')`, /permission denied/],
  ])('cannot %s', async (_what, sql, error) => {
    await expect(runtime.query(sql)).rejects.toThrow(error);
    const { rows } = await runtime.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'roles.test'`);
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('runs the whole product as that role: a study (its primary site made by a trigger), a site, a lab session to completion, a withdrawal, an export', async () => {
    const owner = await ownerOf(app);
    const study = await withdrawalStudy(owner);
    expect(
      ((await owner.call('get', `/api/studies/${study.id}/sites`).expect(200)).body as Schemas['SiteResponse'][]).map((site) => site.code),
    ).toEqual(['main']);
    await owner.call('post', `/api/studies/${study.id}/sites`).send({ code: 'essex', name: 'Essex' }).expect(201);
    const { session } = await finishedSession(app, owner, study);
    await owner
      .call('post', `/api/studies/${study.id}/withdrawals`)
      .send({ sessionCode: session.code, seat: 1, reason: 'asked_in_person' })
      .expect(201);
    const wide = await owner.call('get', `/api/studies/${study.id}/exports/wide.csv`).buffer(true).expect(200);
    expect(wide.headers['content-type']).toMatch(/text\/csv/);
    await request(app.http).get('/api/health').expect(200);
  });
});
