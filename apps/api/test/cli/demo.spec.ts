import { AccountsService } from '../../src/auth/accounts.service';
import { seedDemo } from '../../src/cli/demo';
import { startTestApp, type TestApp } from '../support/app';

describe('first-start seeding', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('creates one admin with a generated password, and only once', async () => {
    const accounts = app.app.get(AccountsService);
    const first = await accounts.ensureAdmin(undefined, undefined);
    expect(first).toMatchObject({ created: true, email: 'admin@attune.local' });
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await accounts.ensureAdmin(undefined, undefined)).toEqual({ created: false });
  });

  it('creates a launched demo study from the phone × seating template with a lab session, then only new sessions', async () => {
    const first = await seedDemo(app.app);
    expect(first?.seatLinks).toHaveLength(2);
    expect(first?.seatLinks[0]).toMatch(/^\/join\/seat\/aseat_/);
    const second = await seedDemo(app.app);
    expect(second?.studyId).toBe(first?.studyId);
    expect(second?.sessionCode).not.toBe(first?.sessionCode);
    const studies: Array<{ status: string; protocol_version: number; design: { factors: Array<{ id: string }> } }> =
      await app.db.dataSource.query('SELECT status, protocol_version, design FROM study');
    expect(studies).toHaveLength(1);
    expect(studies[0]).toMatchObject({ status: 'launched', protocol_version: 1 });
    expect(studies[0]?.design.factors.map((f) => f.id)).toEqual(['phone', 'seating']);
    const sessions: Array<{ status: string; mode: string }> = await app.db.dataSource.query('SELECT status, mode FROM study_session');
    expect(sessions).toEqual([{ status: 'forming', mode: 'lab' }, { status: 'forming', mode: 'lab' }]);
  });
});
