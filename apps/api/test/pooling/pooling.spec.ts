import { d33, metaStudyFromHedgesG, randomEffectsMeta } from '@attune/analysis';
import type { Schemas } from '@attune/api-client';
import { startTestApp, type TestApp } from '../support/app';
import { createStudy, type Owner, ownerOf } from '../support/studies';
import { type RDataset, rDatasets, storeDataset, studyFor } from '../analysis/r-fixtures';

type Results = Schemas['StudyResultsResponse'];
type Pooled = Schemas['PooledResponse'];

const postG = (results: Results, factorId: string) =>
  results.scales.find((s) => s.scale === 'ios' && s.phase === 'post')?.effects.find((e) => e.factorId === factorId)?.hedges;

// Three installations, each with its own database, running one protocol: the coordinator's study
// and two sites that imported its protocol file, ran it on their own data and sent summaries.
describe('pooling site summaries from other installations', () => {
  const apps: TestApp[] = [];
  const owners: Owner[] = [];
  const datasets = [7, 13, 16].map((i) => rDatasets()[i] as RDataset);
  let studyId: string;
  const siteStudies: string[] = [];

  beforeAll(async () => {
    apps.push(...(await Promise.all([startTestApp(), startTestApp(), startTestApp()])));
    owners.push(...(await Promise.all(apps.map(ownerOf))));
    const [home, ...sites] = owners as [Owner, Owner, Owner];
    studyId = (await studyFor(home, datasets[0] as RDataset)).id;
    await storeDataset(apps[0] as TestApp, studyId, datasets[0] as RDataset);
    const file = (await home.call('get', `/api/studies/${studyId}/protocol-file`).expect(200)).body;
    for (const [i, site] of sites.entries()) {
      const imported = (await site.call('post', '/api/studies/import').send({ file }).expect(201)).body as Schemas['StudyResponse'];
      await site.call('post', `/api/studies/${imported.id}/launch`).expect(200);
      await storeDataset(apps[i + 1] as TestApp, imported.id, datasets[i + 1] as RDataset);
      siteStudies.push(imported.id);
    }
  });
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it('a site summary holds aggregates and the design hash, and no participant or session ids', async () => {
    const site = owners[1] as Owner;
    const res = await site.call('get', `/api/studies/${siteStudies[0]}/site-summary?label=Konstanz&country=DE`).expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="attune-site-summary-/);
    const summary = res.body as Schemas['SiteSummaryDto'];
    expect(summary.site).toEqual({ label: 'Konstanz', country: 'DE' });
    expect(Object.keys(summary.scales[0]?.cells[0] ?? {}).sort()).toEqual(['conditionId', 'mean', 'participants', 'sd', 'sessions']);
    const text = JSON.stringify(summary);
    const ids = (await (apps[1] as TestApp).db.dataSource.query(
      `SELECT id::text FROM participant UNION ALL SELECT id::text FROM study_session`,
    )) as Array<{ id: string }>;
    for (const { id } of ids) expect(text).not.toContain(id);
  });

  it('the coordinator imports both summaries and pools its own g with theirs exactly as the meta-analysis does', async () => {
    const home = owners[0] as Owner;
    for (const [i, label] of ['Konstanz', 'Essex'].entries()) {
      const summary = (await (owners[i + 1] as Owner).call('get', `/api/studies/${siteStudies[i]}/site-summary?label=${label}`).expect(200))
        .body;
      await home.call('post', `/api/studies/${studyId}/external-summaries`).send({ file: summary }).expect(201);
    }
    expect(
      ((await home.call('get', `/api/studies/${studyId}/external-summaries`).expect(200)).body as Schemas['ExternalSummaryResponse'][]).map(
        (s) => s.label,
      ),
    ).toEqual(['Essex', 'Konstanz']);

    const view = (await home.call('get', `/api/studies/${studyId}/pooled?factorId=a&scale=ios&phase=post`).expect(200)).body as Pooled;
    // Each row's g is the g that installation's own results report.
    const gs = await Promise.all(
      owners.map(async (owner, i) =>
        postG((await owner.call('get', `/api/studies/${i === 0 ? studyId : siteStudies[i - 1]}/results`).expect(200)).body as Results, 'a'),
      ),
    );
    expect(view.rows.map((row) => [row.kind, row.g])).toEqual([
      ['site', gs[0]?.g],
      ['external', gs[2]?.g],
      ['external', gs[1]?.g],
    ]);
    const expected = randomEffectsMeta(
      view.rows.map((row) => metaStudyFromHedgesG(row)),
      { method: 'REML' },
    );
    expect(view.pooled).toMatchObject({
      k: 3,
      estimate: expected?.estimate,
      tau2: expected?.tau2,
      q: expected?.q,
      piLow: expected?.piLow,
      piHigh: expected?.piHigh,
    });
    expect(view.rows.reduce((total, row) => total + (row.weight ?? 0), 0)).toBeCloseTo(100, 9);
    const dl = (await home.call('get', `/api/studies/${studyId}/pooled?factorId=a&scale=ios&phase=post&method=DL`).expect(200))
      .body as Pooled;
    expect(dl.pooled?.estimate).toBe(
      randomEffectsMeta(
        view.rows.map((row) => metaStudyFromHedgesG(row)),
        { method: 'DL' },
      )?.estimate,
    );
  });

  it('with a recorded original effect for the pooled outcome, the pooled estimate is compared with it (small telescopes on the pooled SE)', async () => {
    const home = owners[0] as Owner;
    const original = {
      factorId: 'a',
      instrumentId: 'ios',
      instrumentVersion: 2,
      scale: 'ios',
      phase: 'post',
      citation: 'A made-up original for this test (not a published result).',
      locator: 'Table 2',
      statistic: { kind: 'd', d: 0.6, n1: 30, n2: 30 },
      verifiedBy: 'A. Researcher',
      verifiedOn: '2026-12-01',
    };
    await home.call('put', `/api/studies/${studyId}/original-effect`).send(original).expect(200);
    const view = (await home.call('get', `/api/studies/${studyId}/pooled`).expect(200)).body as Pooled & {
      comparison: Schemas['ComparisonDto'] & { smallTelescopes: Schemas['SmallTelescopesDto'] };
    };
    expect(view.outcome).toMatchObject({ factorId: 'a', scale: 'ios', phase: 'post' });
    expect(view.comparison.originalD).toBe(0.6);
    expect(view.comparison.d33).toBeCloseTo(d33(30, 30), 12);
    expect(view.comparison.smallTelescopes.se).toBe((view.pooled as Schemas['PooledFitDto']).se);
    expect(view.comparison.outcome?.label).toMatch(/signal/);
  });

  it('refuses a summary from a different protocol with a clear message, and a changed file', async () => {
    const home = owners[0] as Owner;
    const other = await createStudy(owners[1] as Owner, { templateId: 'phone_seating', launch: true });
    const foreign = (await (owners[1] as Owner).call('get', `/api/studies/${other}/site-summary?label=Elsewhere`).expect(200))
      .body as Schemas['SiteSummaryDto'];
    const refused = await home.call('post', `/api/studies/${studyId}/external-summaries`).send({ file: foreign }).expect(409);
    expect(refused.body).toMatchObject({ code: 'PROTOCOL_MISMATCH' });
    expect(refused.body.detail).toMatch(/different experiments/);
    const changed = { ...foreign, site: { ...foreign.site, label: 'Renamed' } };
    expect((await home.call('post', `/api/studies/${studyId}/external-summaries`).send({ file: changed }).expect(400)).body.errors).toEqual(
      [expect.objectContaining({ path: 'file.sha256', code: 'HASH_MISMATCH' })],
    );
  });

  it('a taken label is 409; removing a summary takes it out of the pool', async () => {
    const home = owners[0] as Owner;
    const again = (await (owners[1] as Owner).call('get', `/api/studies/${siteStudies[0]}/site-summary?label=Konstanz`).expect(200)).body;
    expect((await home.call('post', `/api/studies/${studyId}/external-summaries`).send({ file: again }).expect(409)).body.code).toBe(
      'LABEL_TAKEN',
    );
    const listed = (await home.call('get', `/api/studies/${studyId}/external-summaries`).expect(200))
      .body as Schemas['ExternalSummaryResponse'][];
    await home.call('delete', `/api/studies/${studyId}/external-summaries/${listed.find((s) => s.label === 'Essex')?.id}`).expect(204);
    const view = (await home.call('get', `/api/studies/${studyId}/pooled?factorId=a&scale=ios&phase=post`).expect(200)).body as Pooled;
    expect(view.rows.map((row) => row.label)).toEqual([expect.any(String), 'Konstanz']);
    expect(view.pooled?.k).toBe(2);
  });

  it('a study with two sites of its own pools them: one row per site, each with the g its site-limited results report', async () => {
    const home = owners[0] as Owner;
    const id = (await studyFor(home, datasets[1] as RDataset)).id;
    await storeDataset(apps[0] as TestApp, id, datasets[1] as RDataset);
    await home.call('post', `/api/studies/${id}/sites`).send({ code: 'essex', name: 'Essex', country: 'GB' }).expect(201);
    const db = (apps[0] as TestApp).db.dataSource;
    // Every other session (by code) ran at Essex.
    const moved = (await db.query(
      `UPDATE study_session SET site_id = (SELECT id FROM study_site WHERE study_id = $1 AND code = 'essex')
        WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM study_session WHERE study_id = $1) s WHERE n % 2 = 0) RETURNING id`,
      [id],
    )) as [unknown[], number];
    expect(moved[1]).toBeGreaterThan(4);
    const view = (await home.call('get', `/api/studies/${id}/pooled?factorId=a&scale=ios&phase=post`).expect(200)).body as Pooled;
    expect(view.rows.map((row) => [row.label, row.kind])).toEqual([
      ['Main site', 'site'],
      ['Essex', 'site'],
    ]);
    for (const [i, code] of ['main', 'essex'].entries()) {
      const results = (await home.call('get', `/api/studies/${id}/results?site=${code}`).expect(200)).body as Results;
      expect(view.rows[i]?.g).toBe(postG(results, 'a')?.g);
    }
    expect(view.pooled?.k).toBe(2);
  });

  it('one site alone is not a meta-analysis: rows, and no pooled estimate', async () => {
    const site = owners[2] as Owner;
    const view = (await site.call('get', `/api/studies/${siteStudies[1]}/pooled`).expect(200)).body as Pooled;
    expect(view.outcome).toMatchObject({ factorId: 'a', scale: 'ios', phase: 'post' });
    expect(view.rows).toHaveLength(1);
    expect(view.pooled).toBeNull();
    expect((await site.call('get', `/api/studies/${siteStudies[1]}/pooled?factorId=nope`).expect(400)).body.code).toBe('UNKNOWN_OUTCOME');
  });
});
