import { AccountsService } from '../../src/auth/accounts.service';
import { seedDemo } from '../../src/cli/demo';
import { SIMULATED_DYADS, SIMULATED_SITES, SIMULATED_TITLE } from '../../src/cli/demo-simulation';
import { startTestApp, type TestApp } from '../support/app';

describe('first-start seeding', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('creates one admin with a generated password, and only once', async () => {
    const accounts = app.app.get(AccountsService);
    // The deploy template's placeholder, copied unchanged into ATTUNE_ADMIN_PASSWORD, is refused.
    await expect(accounts.ensureAdmin('first@example.org', 'change-me-too-at-least-12-chars')).rejects.toMatchObject({
      code: 'WEAK_PASSWORD',
    });
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
    const studies: Array<{
      id: string;
      title: string;
      status: string;
      protocol_version: number;
      design: { factors: Array<{ id: string }> };
    }> = await app.db.dataSource.query('SELECT id, title, status, protocol_version, design FROM study ORDER BY created_at');
    expect(studies).toHaveLength(2);
    expect(studies[0]).toMatchObject({ id: first?.studyId, status: 'launched', protocol_version: 1 });
    expect(studies[0]?.design.factors.map((f) => f.id)).toEqual(['phone', 'seating']);
    const sessions: Array<{ status: string; mode: string }> = await app.db.dataSource.query(
      'SELECT status, mode FROM study_session WHERE study_id = $1',
      [first?.studyId],
    );
    expect(sessions).toEqual([
      { status: 'forming', mode: 'lab' },
      { status: 'forming', mode: 'lab' },
    ]);
  });

  it('simulates a closed study of 96 complete dyads at three sites through the services, titled as simulated, with a visible phone effect', async () => {
    const [simulated] = (await app.db.dataSource.query(
      `SELECT id, title, status, seed_revealed_at FROM study WHERE title LIKE 'SIMULATED%'`,
    )) as Array<{ id: string; title: string; status: string; seed_revealed_at: Date | null }>;
    expect(simulated).toMatchObject({ title: SIMULATED_TITLE, status: 'closed' });
    const counts = (await app.db.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'complete')::int AS complete, count(*)::int AS sessions FROM study_session WHERE study_id = $1`,
      [simulated?.id],
    )) as Array<{ complete: number; sessions: number }>;
    expect(counts[0]).toEqual({ complete: SIMULATED_DYADS, sessions: SIMULATED_DYADS });
    // Three sites, each its own strata: the forest plot has sites to show.
    const sites = (await app.db.dataSource.query(
      `SELECT site.code, site.country, count(s.id)::int AS sessions, array_agg(DISTINCT s.stratum) AS strata
         FROM study_site site JOIN study_session s ON s.site_id = site.id WHERE site.study_id = $1 GROUP BY site.id ORDER BY site.created_at`,
      [simulated?.id],
    )) as Array<{ code: string; country: string | null; sessions: number; strata: string[] }>;
    expect(sites).toEqual(
      SIMULATED_SITES.map((site) => ({
        code: site.code,
        country: site.country,
        sessions: site.dyads,
        strata: [site.country === null ? '' : `site=${site.code}`],
      })),
    );
    // Every response went through the submit service: scored, consented, with check results.
    const [responses] = (await app.db.dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE instrument_id = 'check_phone' AND check_results IS NOT NULL)::int AS checked FROM response WHERE study_id = $1 AND submitted_at IS NOT NULL`,
      [simulated?.id],
    )) as Array<{ n: number; checked: number }>;
    expect(responses).toEqual({ n: SIMULATED_DYADS * 2 * 3, checked: SIMULATED_DYADS * 2 });
    // The allocation seed is random, so which dyads land in which arm varies; the change scores
    // (post − pre) carry the simulated effect of 1.0 with a standard error near 0.14 either way.
    const [effect] = (await app.db.dataSource.query(
      `
      SELECT avg(post.v - pre.v) FILTER (WHERE s.condition_id = 'phone=present') AS present,
             avg(post.v - pre.v) FILTER (WHERE s.condition_id = 'phone=absent') AS absent
        FROM (SELECT participant_id, session_id, (scores->>'ios')::float8 AS v FROM response WHERE study_id = $1 AND phase = 'pre' AND instrument_id = 'ios') pre
        JOIN (SELECT participant_id, (scores->>'ios')::float8 AS v FROM response WHERE study_id = $1 AND phase = 'post' AND instrument_id = 'ios') post USING (participant_id)
        JOIN study_session s ON s.id = pre.session_id`,
      [simulated?.id],
    )) as Array<{ present: number; absent: number }>;
    expect((effect?.absent ?? 0) - (effect?.present ?? 0)).toBeGreaterThan(0.3);
  });
});
