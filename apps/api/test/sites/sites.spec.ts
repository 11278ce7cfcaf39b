import { bilingual, type Schemas } from '@attune/api-client';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { cookieHeader, createAccount, login } from '../support/auth';
import { type Owner, ownerOf } from '../support/studies';
import { parseCsv } from '../exports/support';
import { allocatedSession, join, labSession, launchedStudy, readyAtSeat, seatSecret, type StudyFixture } from '../sessions/factories';

type Site = Schemas['SiteResponse'];
type Member = Schemas['MemberResponse'];
type Caller = Owner['call'];

describe('sites of a study: routes, site-limited researchers, per-site and pooled reads', () => {
  let app: TestApp;
  let owner: Owner;
  let study: StudyFixture;
  let main: Site;
  let essex: Site;
  let konstanz: Site;

  beforeAll(async () => {
    app = await startTestApp({ JOIN_RATE_LIMIT_MAX: '10000' });
    owner = await ownerOf(app);
    study = await launchedStudy(owner, { templateId: 'phone_topic' });
    main = (await sites(study.id))[0] as Site;
    essex = (
      await owner
        .call('post', `/api/studies/${study.id}/sites`)
        .send({ code: 'essex', name: 'University of Essex', country: 'GB', language: 'en' })
        .expect(201)
    ).body as Site;
    konstanz = (
      await owner
        .call('post', `/api/studies/${study.id}/sites`)
        .send({ code: 'konstanz', name: 'Universität Konstanz', country: 'DE' })
        .expect(201)
    ).body as Site;
  });
  afterAll(() => app.close());

  async function sites(studyId: string, caller: Caller = owner.call): Promise<Site[]> {
    return (await caller('get', `/api/studies/${studyId}/sites`).expect(200)).body as Site[];
  }

  async function member(role: string, siteId?: string): Promise<{ userId: string; call: Caller }> {
    const credentials = await createAccount(app);
    await owner
      .call('post', `/api/studies/${study.id}/members`)
      .send({ email: credentials.email, role, ...(siteId ? { siteId } : {}) })
      .expect(204);
    const session = await login(app, credentials);
    return {
      userId: session.userId,
      call: (method, path) =>
        request(app.http)[method](path).set('Cookie', cookieHeader(session.cookies)).set('X-CSRF-Token', session.csrfToken),
    };
  }

  it("gives every study a primary site using the study's own link, and new sites their own", async () => {
    expect(main).toMatchObject({
      code: 'main',
      name: 'Main site',
      isPrimary: true,
      joinCode: study.joinCode,
      joinPath: `/s/${study.joinCode}`,
      sessions: 0,
    });
    expect(essex).toMatchObject({ code: 'essex', country: 'GB', language: 'en', isPrimary: false, sessions: 0 });
    expect(essex.joinCode).toMatch(/^[A-Z0-9]{8}$/);
    expect(new Set([study.joinCode, essex.joinCode, konstanz.joinCode]).size).toBe(3);
  });

  it('refuses a taken code, a bad code or country, and a language the study is not offered in', async () => {
    const taken = await owner.call('post', `/api/studies/${study.id}/sites`).send({ code: 'essex', name: 'Again' }).expect(409);
    expect(taken.body.code).toBe('SITE_CODE_TAKEN');
    await owner.call('post', `/api/studies/${study.id}/sites`).send({ code: 'Bad Code', name: 'x' }).expect(400);
    await owner.call('post', `/api/studies/${study.id}/sites`).send({ code: 'ok', name: 'x', country: 'XX' }).expect(400);
    const language = await owner.call('post', `/api/studies/${study.id}/sites`).send({ code: 'ok', name: 'x', language: 'fr' }).expect(400);
    expect(language.body).toMatchObject({ code: 'INVALID_SITE', errors: [{ path: 'language', code: 'UNKNOWN_LANGUAGE' }] });
  });

  it('changes a site, and its code only until a session runs there', async () => {
    const created = (await owner.call('post', `/api/studies/${study.id}/sites`).send({ code: 'tmp', name: 'Temporary' }).expect(201))
      .body as Site;
    const renamed = (
      await owner
        .call('put', `/api/studies/${study.id}/sites/${created.id}`)
        .send({ code: 'leiden', name: 'Leiden', country: 'NL' })
        .expect(200)
    ).body as Site;
    expect(renamed).toMatchObject({ code: 'leiden', name: 'Leiden', country: 'NL', joinCode: created.joinCode });
    await labSession(owner, study.id, created.id);
    const locked = await owner.call('put', `/api/studies/${study.id}/sites/${created.id}`).send({ code: 'leyden' }).expect(409);
    expect(locked.body.code).toBe('SITE_CODE_LOCKED');
    await owner.call('put', `/api/studies/${study.id}/sites/${created.id}`).send({ name: 'Universiteit Leiden' }).expect(200);
  });

  it('lets analysts read sites and only owners change them', async () => {
    const analyst = await member('analyst');
    expect((await sites(study.id, analyst.call)).map((site) => site.code)).toContain('essex');
    const researcher = await member('researcher');
    expect((await researcher.call('post', `/api/studies/${study.id}/sites`).send({ code: 'nope', name: 'x' }).expect(403)).body.code).toBe(
      'ROLE_REQUIRED',
    );
    await researcher.call('put', `/api/studies/${study.id}/sites/${essex.id}`).send({ name: 'x' }).expect(403);
  });

  it('limits only researchers to a site, and lists the limit with the team', async () => {
    const credentials = await createAccount(app);
    const refused = await owner
      .call('post', `/api/studies/${study.id}/members`)
      .send({ email: credentials.email, role: 'analyst', siteId: essex.id })
      .expect(400);
    expect(refused.body.code).toBe('SITE_LIMIT_ROLE');
    const other = await launchedStudy(owner);
    const [otherMain] = await sites(other.id);
    const foreign = await owner
      .call('post', `/api/studies/${study.id}/members`)
      .send({ email: credentials.email, role: 'researcher', siteId: otherMain?.id })
      .expect(400);
    expect(foreign.body.code).toBe('UNKNOWN_SITE');
    const limited = await member('researcher', essex.id);
    const team = (await owner.call('get', `/api/studies/${study.id}/members`).expect(200)).body as Member[];
    expect(team.find((m) => m.userId === limited.userId)).toMatchObject({ role: 'researcher', siteId: essex.id, siteCode: 'essex' });
    const promoted = await owner
      .call('put', `/api/studies/${study.id}/members/${limited.userId}`)
      .send({ role: 'owner', siteId: essex.id })
      .expect(400);
    expect(promoted.body.code).toBe('SITE_LIMIT_ROLE');
    await owner.call('put', `/api/studies/${study.id}/members/${limited.userId}`).send({ role: 'researcher' }).expect(204);
    const widened = (await owner.call('get', `/api/studies/${study.id}/members`).expect(200)).body as Member[];
    expect(widened.find((m) => m.userId === limited.userId)).toMatchObject({ siteId: null, siteCode: null });
  });

  it("puts a participant who opens a site's link in that site's waiting room, in the site's language unless they choose another", async () => {
    const german = await launchedStudy(owner, { templateId: 'phone_only', edit: bilingual });
    const [home] = await sites(german.id);
    const site = (
      await owner
        .call('post', `/api/studies/${german.id}/sites`)
        .send({ code: 'konstanz', name: 'Konstanz', country: 'DE', language: 'de' })
        .expect(201)
    ).body as Site;
    const placed = async (body: Record<string, unknown>): Promise<unknown> => {
      const phone = await join(app.http, body);
      return (
        (await app.db.dataSource.query('SELECT site_id, language FROM participant WHERE id = $1', [phone.participantId])) as unknown[]
      )[0];
    };
    expect(await placed({ studyCode: site.joinCode })).toEqual({ site_id: site.id, language: 'de' });
    expect(await placed({ studyCode: site.joinCode, language: 'en' })).toEqual({ site_id: site.id, language: 'en' });
    expect(await placed({ studyCode: german.joinCode })).toEqual({ site_id: home?.id, language: 'en' });
    const lab = await labSession(owner, german.id, site.id);
    expect(await placed({ seatSecret: seatSecret(lab, 1) })).toEqual({ site_id: site.id, language: 'de' });
  });

  describe('a researcher limited to one site', () => {
    let limited: { userId: string; call: Caller };
    let essexSession: string;
    let essexCode: string;
    let konstanzSession: string;
    let mainSession: string;

    beforeAll(async () => {
      limited = await member('researcher', konstanz.id);
      const at = async (siteId: string): Promise<{ id: string; code: string }> => {
        const session = await labSession(owner, study.id, siteId);
        for (const seat of session.seats) await readyAtSeat(app.http, session, seat.seatNumber);
        return session;
      };
      ({ id: essexSession, code: essexCode } = await at(essex.id));
      konstanzSession = (await at(konstanz.id)).id;
      mainSession = (await allocatedSession(app.http, owner, study.id)).session.id;
    });

    it("sees only their site's sessions; another site's session is 404, as another study's", async () => {
      const listed = (await limited.call('get', `/api/studies/${study.id}/sessions`).expect(200))
        .body as Schemas['SessionSummaryResponse'][];
      expect(listed.map((session) => session.id)).toEqual([konstanzSession]);
      expect(listed.every((session) => session.siteId === konstanz.id)).toBe(true);
      await limited.call('get', `/api/studies/${study.id}/sessions/${konstanzSession}`).expect(200);
      for (const id of [essexSession, mainSession]) {
        expect((await limited.call('get', `/api/studies/${study.id}/sessions/${id}`).expect(404)).body.code).toBe('SESSION_NOT_FOUND');
        await limited.call('post', `/api/studies/${study.id}/sessions/${id}/abandon`).send({ reason: 'not mine' }).expect(404);
      }
      const withdrawal = await limited
        .call('post', `/api/studies/${study.id}/withdrawals`)
        .send({ sessionCode: essexCode, seat: 1, reason: 'asked_in_person' })
        .expect(404);
      expect(withdrawal.body.code).toBe('SEAT_NOT_FOUND');
      const all = (await owner.call('get', `/api/studies/${study.id}/sessions`).expect(200)).body as Schemas['SessionSummaryResponse'][];
      expect(all.length).toBeGreaterThanOrEqual(3);
    });

    it('creates sessions only at their site: by default there, and another site is 404', async () => {
      const created = (await limited.call('post', `/api/studies/${study.id}/sessions`).send({}).expect(201))
        .body as Schemas['CreatedSessionResponse'];
      expect(created.siteId).toBe(konstanz.id);
      expect((await limited.call('post', `/api/studies/${study.id}/sessions`).send({ siteId: essex.id }).expect(404)).body.code).toBe(
        'SITE_NOT_FOUND',
      );
      expect(
        ((await owner.call('post', `/api/studies/${study.id}/sessions`).send({}).expect(201)).body as Schemas['CreatedSessionResponse'])
          .siteId,
      ).toBe(main.id);
    });

    it('reads flow, enrolment, results and exports of their site only', async () => {
      const flow = (await limited.call('get', `/api/studies/${study.id}/flow`).expect(200)).body as Schemas['FlowResponse'];
      expect(flow).toMatchObject({ options: { site: 'konstanz' }, totals: { sessions: 1 } });
      await limited.call('get', `/api/studies/${study.id}/flow?site=essex`).expect(404);
      const enrolment = (await limited.call('get', `/api/studies/${study.id}/enrolment`).expect(200)).body as Schemas['EnrolmentResponse'];
      expect(enrolment).toMatchObject({ site: 'konstanz', sites: [{ code: 'konstanz', sessions: 1 }], totals: { sessions: 1 } });
      expect(
        ((await limited.call('get', `/api/studies/${study.id}/results`).expect(200)).body as Schemas['StudyResultsResponse']).filter.site,
      ).toBe('konstanz');
      await limited.call('get', `/api/studies/${study.id}/results?site=main`).expect(404);
      const wide = parseCsv((await limited.call('get', `/api/studies/${study.id}/exports/wide.csv`).expect(200)).text);
      expect(wide.rows.map((row) => row['site'])).toEqual(['konstanz', 'konstanz']);
    });

    it('leaves owners every site pooled, or one site by its code', async () => {
      const pooled = (await owner.call('get', `/api/studies/${study.id}/enrolment`).expect(200)).body as Schemas['EnrolmentResponse'];
      expect(pooled.site).toBeNull();
      expect(pooled.sites.filter((row) => ['main', 'essex', 'konstanz'].includes(row.code)).map((row) => [row.code, row.sessions])).toEqual(
        [
          ['main', 1],
          ['essex', 1],
          ['konstanz', 1],
        ],
      );
      expect(pooled.totals.sessions).toBe(3);
      const essexFlow = (await owner.call('get', `/api/studies/${study.id}/flow?site=essex`).expect(200)).body as Schemas['FlowResponse'];
      expect(essexFlow).toMatchObject({ options: { site: 'essex' }, totals: { sessions: 1 } });
      expect((await owner.call('get', `/api/studies/${study.id}/results?site=nowhere`).expect(404)).body.code).toBe('SITE_NOT_FOUND');
      for (const file of ['wide.csv', 'long.csv', 'pairwise.csv']) {
        const { header, rows } = parseCsv((await owner.call('get', `/api/studies/${study.id}/exports/${file}`).expect(200)).text);
        expect(header).toContain('site');
        if (file !== 'long.csv') expect(new Set(rows.map((row) => row['site']))).toEqual(new Set(['main', 'essex', 'konstanz']));
      }
      const codebook = parseCsv((await owner.call('get', `/api/studies/${study.id}/exports/codebook.csv`).expect(200)).text);
      const entry = codebook.rows.find((row) => row['file'] === 'wide.csv' && row['name'] === 'site');
      expect(entry?.['values']).toContain('essex=University of Essex (GB)');
    });

    it("stratifies the other sites' sessions by site and leaves the primary site's strata as before", async () => {
      const strata: Array<{ code: string; stratum: string }> = await app.db.dataSource.query(
        `SELECT site.code, s.stratum FROM study_session s JOIN study_site site ON site.id = s.site_id WHERE s.study_id = $1 AND s.condition_id IS NOT NULL ORDER BY site.created_at`,
        [study.id],
      );
      expect(strata).toEqual([
        { code: 'main', stratum: '' },
        { code: 'essex', stratum: 'site=essex' },
        { code: 'konstanz', stratum: 'site=konstanz' },
      ]);
    });
  });
});
