import request from 'supertest';
import { d33 } from '@attune/analysis';
import type { Schemas } from '@attune/api-client';
import { startTestApp, type TestApp } from '../support/app';
import { cookieHeader, createAccount, login } from '../support/auth';
import { type Owner, ownerOf } from '../support/studies';
import { type RDataset, rDatasets, storeDataset, studyFor } from './r-fixtures';

const ORIGINAL = {
  factorId: 'a',
  instrumentId: 'ios',
  instrumentVersion: 2,
  scale: 'ios',
  phase: 'post',
  citation: 'A made-up original for this test (not a published result).',
  locator: 'Table 2',
  doi: '10.1234/example.5678',
  statistic: { kind: 'means', m1: 4.1, sd1: 1.2, n1: 18, m2: 3.5, sd2: 1.4, n2: 20 },
};

type Replication = Schemas['ReplicationResponse'];
/** The results, narrowed to effects whose Hedges' g is present (the test reads `hedges.g` directly). */
type ResultsWithG = Omit<Schemas['StudyResultsResponse'], 'scales'> & {
  scales: Array<
    Omit<Schemas['ScaleResultDto'], 'effects'> & { effects: Array<Schemas['FactorEffectDto'] & { hedges: Schemas['HedgesGDto'] }> }
  >;
};

describe('the original effect and the replication comparison', () => {
  let app: TestApp;
  let owner: Owner;
  let studyId: string;
  const dataset = rDatasets()[7] as RDataset;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    studyId = (await studyFor(owner, dataset)).id;
    await storeDataset(app, studyId, dataset);
  });
  afterAll(() => app.close());

  it('says plainly when no original effect is recorded', async () => {
    const view = (await owner.call('get', `/api/studies/${studyId}/replication`).expect(200)).body as Replication;
    expect(view).toMatchObject({ original: null, replication: null, comparison: null });
    expect(view.message).toMatch(/No original effect is recorded/);
  });

  it('compares the replication g with an unverified original (d33, small telescopes) but gives a label only once verified', async () => {
    await owner.call('put', `/api/studies/${studyId}/original-effect`).send(ORIGINAL).expect(200);
    const unverified = (await owner.call('get', `/api/studies/${studyId}/replication`).expect(200)).body as Replication;
    const pooled = Math.sqrt((17 * 1.2 ** 2 + 19 * 1.4 ** 2) / 36);
    expect(unverified.comparison?.originalD).toBeCloseTo((4.1 - 3.5) / pooled, 12);
    expect(unverified.comparison?.d33).toBeCloseTo(d33(18, 20), 12);
    expect(unverified.comparison?.smallTelescopes).not.toBeNull();
    expect(unverified.comparison?.outcome).toBeNull();
    expect(unverified.message).toMatch(/nobody has verified/);
    // The replication's g is the one the results report for the same factor and outcome (as randomised).
    const results = (await owner.call('get', `/api/studies/${studyId}/results`).expect(200)).body as ResultsWithG;
    const g = results.scales.find((s) => s.scale === 'ios' && s.phase === 'post')?.effects.find((e) => e.factorId === 'a')?.hedges.g;
    expect(unverified.replication?.hedges?.g).toBe(g);

    await owner
      .call('put', `/api/studies/${studyId}/original-effect`)
      .send({ ...ORIGINAL, verifiedBy: 'A. Researcher', verifiedOn: '2026-12-01' })
      .expect(200);
    const verified = (await owner.call('get', `/api/studies/${studyId}/replication`).expect(200)).body as Replication;
    expect(verified.comparison?.outcome?.label).toMatch(/signal/);
    expect(verified.message).toBeNull();
    const audited = (await app.db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE study_id = $1 AND action = 'study.original_effect_recorded'`,
      [studyId],
    )) as Array<{ n: number }>;
    expect(audited[0]?.n).toBe(2);
  });

  it('refuses an original that names no two-level factor or an unknown scale, or lacks its numbers', async () => {
    const put = (body: object) => owner.call('put', `/api/studies/${studyId}/original-effect`).send(body);
    expect((await put({ ...ORIGINAL, factorId: 'nope' }).expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'factorId' })]);
    expect((await put({ ...ORIGINAL, scale: 'nope' }).expect(400)).body.errors).toEqual([
      expect.objectContaining({ path: 'scale', code: 'UNKNOWN_SCALE' }),
    ]);
    expect((await put({ ...ORIGINAL, statistic: { kind: 'd', n1: 10, n2: 10 } }).expect(400)).body.errors).toEqual([
      expect.objectContaining({ path: 'statistic.d' }),
    ]);
    expect(
      new Set(
        (await put({ ...ORIGINAL, statistic: { kind: 'd', d: 'big', n1: 1, n2: 10 } }).expect(400)).body.errors.map(
          (e: { path: string }) => e.path,
        ),
      ),
    ).toEqual(new Set(['statistic.d', 'statistic.n1']));
  });

  it('lets analysts read but only owners record; strangers get 404', async () => {
    const account = await createAccount(app);
    await owner.call('post', `/api/studies/${studyId}/members`).send({ email: account.email, role: 'analyst' }).expect(204);
    const analyst = await login(app, account);
    const as = (method: 'get' | 'put', path: string) =>
      request(app.http)[method](path).set('Cookie', cookieHeader(analyst.cookies)).set('X-CSRF-Token', analyst.csrfToken);
    await as('get', `/api/studies/${studyId}/replication`).expect(200);
    await as('get', `/api/studies/${studyId}/results`).expect(200);
    expect((await as('put', `/api/studies/${studyId}/original-effect`).send(ORIGINAL).expect(403)).body.code).toBe('ROLE_REQUIRED');
    const stranger = await ownerOf(app);
    await stranger.call('get', `/api/studies/${studyId}/results`).expect(404);
    await stranger.call('get', `/api/studies/${studyId}/replication`).expect(404);
  });
});

describe('GET /api/power', () => {
  let app: TestApp;
  let owner: Owner;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
  });
  afterAll(() => app.close());

  it('answers 64 dyads per condition for d = 0.5, α = .05, power .8 (pwr.t.test: n = 63.77), with the design effect and a power curve', async () => {
    const answer = (await owner.call('get', '/api/power?d=0.5&alpha=0.05&power=0.8&icc=0.3&groupSize=2').expect(200))
      .body as Schemas['PowerResponse'];
    expect(answer).toMatchObject({ dyadsPerCondition: 64, participantsPerCondition: 128 });
    expect(answer.designEffect).toBeCloseTo(1.3, 12);
    const at64 =
      answer.curve.find((point) => point.n === 64) ??
      answer.curve.reduce((best, point) => (Math.abs(point.n - 64) < Math.abs(best.n - 64) ? point : best));
    expect(at64.power).toBeGreaterThan(0.79);
    expect(answer.curve.map((point) => point.power)).toEqual([...answer.curve.map((point) => point.power)].sort((a, b) => a - b));
  });

  it('refuses bad input naming every field, and needs a login', async () => {
    const bad = await owner.call('get', '/api/power?d=abc&alpha=2&power=0.8&icc=0.3&groupSize=5').expect(400);
    expect(new Set(bad.body.errors.map((error: { path: string }) => error.path))).toEqual(new Set(['alpha', 'd', 'groupSize']));
    await request(app.http).get('/api/power?d=0.5&alpha=0.05&power=0.8&icc=0.3&groupSize=2').expect(401);
  });
});
