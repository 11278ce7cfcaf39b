import type { Schemas } from '@attune/api-client';
import { startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { idOf, type RDataset, rDatasets, storeDataset, studyFor } from './r-fixtures';

// The results endpoint on data it did not invent: datasets drawn and analysed in R (lm +
// car::Anova type 3, effectsize::hedges_g, t.test, the ICC(1) ANOVA), stored as sessions,
// members and pre/post scores, aggregated by PostgreSQL and modelled by @attune/analysis.

type Anova = Schemas['AnovaRowDto'];
type Outcome = Schemas['ModelOutcomeDto'];
type Scale = Schemas['ScaleResultDto'];
type Results = Schemas['StudyResultsResponse'];

/** Estimates to 1e-9 relative (1e-12 absolute near zero), p-values and CIs to 1e-6 absolute. */
const relative = (actual: number, expected: number, what: string): void => {
  const close = Math.abs(actual - expected) <= 1e-9 * Math.abs(expected) || Math.abs(actual - expected) < 1e-12;
  if (!close) throw new Error(`${what}: ${actual} vs R ${expected}`);
};
const absolute = (actual: number, expected: number, what: string): void => {
  if (Math.abs(actual - expected) >= 1e-6) throw new Error(`${what}: ${actual} vs R ${expected}`);
};

function compareAnova(
  actual: Outcome | null | undefined,
  expected: { anova: Anova[]; residual: { ss: number; df: number } },
  what: string,
): void {
  const model = actual?.model;
  if (!model) throw new Error(`${what}: no model (${actual?.problem ?? 'missing'})`);
  expect(model.anova.map((row) => row.term)).toEqual(
    expected.anova.map((row) => (row.term === '(Intercept)' ? row.term : row.term.toLowerCase())),
  );
  expected.anova.forEach((row, index) => {
    const mine = model.anova[index] as Anova;
    relative(mine.ss, row.ss, `${what} ${row.term} SS`);
    relative(mine.f, row.f, `${what} ${row.term} F`);
    expect(mine.df).toBe(row.df);
    absolute(mine.p, row.p, `${what} ${row.term} p`);
    relative(mine.partialEta2, row.partialEta2, `${what} ${row.term} partial eta2`);
  });
  relative(model.residual.ss, expected.residual.ss, `${what} residual SS`);
}

function checkDataset(results: Results, dataset: RDataset): void {
  const scale = (phase: string) => results.scales.find((candidate) => candidate.scale === 'ios' && candidate.phase === phase);
  const post = scale('post');
  if (!post) throw new Error('no post results');
  compareAnova(post.model, dataset['model'] as never, `dataset ${dataset.id} model`);
  compareAnova(post.ancova, dataset['ancova'] as never, `dataset ${dataset.id} ANCOVA`);
  const icc = dataset['icc'] as NonNullable<Scale['icc']>;
  if (!post.icc) throw new Error('no ICC');
  for (const key of ['msb', 'msw', 'f', 'icc'] as const) relative(post.icc[key], icc[key], `ICC ${key}`);
  for (const key of ['p', 'ciLow', 'ciHigh'] as const) absolute(post.icc[key], icc[key], `ICC ${key}`);
  for (const comparison of dataset['groupComparisons'] as Array<{
    factor: string;
    hedges: { d: number; g: number; exactCiLow: number; exactCiHigh: number };
    welch: { t: number; df: number; p: number };
  }>) {
    const mine = post.effects.find((effect) => effect.factorId === idOf(comparison.factor));
    if (!mine?.hedges || !mine.welch) throw new Error(`no effect for ${comparison.factor}`);
    relative(mine.hedges.g, comparison.hedges.g, 'g');
    relative(mine.hedges.d, comparison.hedges.d, 'd');
    absolute(mine.hedges.ciLow, comparison.hedges.exactCiLow, 'g CI low');
    absolute(mine.hedges.ciHigh, comparison.hedges.exactCiHigh, 'g CI high');
    relative(mine.welch.t, comparison.welch.t, 'Welch t');
    relative(mine.welch.df, comparison.welch.df, 'Welch df');
    absolute(mine.welch.p, comparison.welch.p, 'Welch p');
  }
  const cells = (
    dataset['descriptives'] as {
      cells: Array<{ levels: Record<string, string>; result: { n: number; mean: number; sd: number | null; ciLow: number | null } }>;
    }
  ).cells;
  for (const cell of cells) {
    const id = dataset.factors.map((factor) => `${idOf(factor.id)}=${cell.levels[factor.id] ?? ''}`).join('|');
    const mine = post.cells.find((candidate) => candidate.conditionId === id);
    expect(mine?.sessions).toBe(cell.result.n);
    relative(mine?.mean ?? NaN, cell.result.mean, `cell ${id} mean`);
    if (cell.result.sd !== null) relative(mine?.sd ?? NaN, cell.result.sd, `cell ${id} SD`);
    if (cell.result.ciLow !== null) absolute(mine?.ciLow ?? NaN, cell.result.ciLow, `cell ${id} CI`);
  }
}

describe('results on session-level scores equal R on R-drawn datasets', () => {
  let app: TestApp;
  let owner: Owner;
  const datasets = rDatasets();

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
  });
  afterAll(() => app.close());

  // One factor; 3 × 2; 2 × 2 × 2; 2 × 2 (groups of 1–3, missing values, unequal cells).
  for (const index of [0, 1, 2, 7]) {
    it(`dataset ${index + 1}: model, ANCOVA, ICC, g and Welch, cell means as R computed them`, async () => {
      const dataset = datasets[index] as RDataset;
      const study = await studyFor(owner, dataset);
      await storeDataset(app, study.id, dataset);
      const results = (await owner.call('get', `/api/studies/${study.id}/results`).expect(200)).body as Results;
      expect(results.filter).toEqual({ protocolVersions: null, includeIncomplete: true, perProtocol: false, minMembers: 1, site: null });
      checkDataset(results, dataset);
      const change = results.scales.find((candidate) => candidate.phase === 'change');
      const expectedSessions = (dataset['change'] as { sessions: Array<{ mean: number | null }> }).sessions.filter(
        (row) => row.mean !== null,
      );
      expect(change?.cells.reduce((sum, cell) => sum + cell.sessions, 0)).toBe(expectedSessions.length);
    });
  }

  it('echoes and applies its options: protocol versions, incomplete sessions, minimum members', async () => {
    const dataset = datasets[7] as RDataset;
    const study = await studyFor(owner, dataset);
    await storeDataset(app, study.id, dataset);
    const get = async (query: string) => (await owner.call('get', `/api/studies/${study.id}/results${query}`).expect(200)).body as Results;
    const sessionsIn = (results: Results) =>
      results.scales.find((s) => s.phase === 'post')?.cells.reduce((sum, cell) => sum + cell.sessions, 0) ?? 0;
    const all = sessionsIn(await get(''));
    await app.db.dataSource.query(
      `UPDATE study_session SET incomplete = true WHERE id = (SELECT id FROM study_session WHERE study_id = $1 ORDER BY code LIMIT 1)`,
      [study.id],
    );
    expect(sessionsIn(await get('?includeIncomplete=false'))).toBe(all - 1);
    expect(sessionsIn(await get('?includeIncomplete=true'))).toBe(all);
    const pairs = await get('?minMembers=2');
    expect(pairs.filter).toMatchObject({ minMembers: 2 });
    expect(sessionsIn(pairs)).toBeLessThan(all);
    expect((await get('?protocol=2')).scales).toEqual([]);
    expect((await get('?protocol=1,1')).filter).toMatchObject({ protocolVersions: [1] });
    // An amendment (protocol v2): sessions run under it are analysed with v2, or with both.
    await owner
      .call('post', `/api/studies/${study.id}/amendments`)
      .send({
        design: { ...study.design, conversation: { ...study.design.conversation, instructions: { en: 'Amended.' } } },
        reason: 'wording',
      })
      .expect(201);
    await app.db.dataSource.query(
      `UPDATE study_session SET protocol_version = 2 WHERE id IN (SELECT id FROM study_session WHERE study_id = $1 ORDER BY code DESC LIMIT 2)`,
      [study.id],
    );
    expect(sessionsIn(await get('?protocol=2'))).toBe(2);
    expect(sessionsIn(await get('?protocol=1'))).toBe(all - 2);
    expect(sessionsIn(await get('?protocol=1,2'))).toBe(all);
    // A dropout: a session that ended early keeps its pre-survey data in the analysis as randomised.
    await app.db.dataSource.query(
      `UPDATE study_session SET status = 'ended_early', dropout_reason = 'member_left:conversation' WHERE id = (SELECT id FROM study_session WHERE study_id = $1 ORDER BY code LIMIT 1 OFFSET 1)`,
      [study.id],
    );
    expect(sessionsIn(await get(''))).toBe(all);
    expect(sessionsIn(await get('?includeIncomplete=false'))).toBe(all - 2);
    const bad = await owner.call('get', `/api/studies/${study.id}/results?minMembers=9&protocol=x`).expect(400);
    expect(new Set(bad.body.errors.map((error: { path: string }) => error.path))).toEqual(new Set(['minMembers', 'protocol']));
  });

  it('per-protocol leaves out participants who failed a check', async () => {
    const dataset = datasets[0] as RDataset;
    const study = await studyFor(owner, dataset);
    await storeDataset(app, study.id, dataset);
    const [failing] = (await app.db.dataSource.query(
      `SELECT r.participant_id FROM response r WHERE r.study_id = $1 AND r.phase = 'post' AND r.scores->>'ios' IS NOT NULL LIMIT 1`,
      [study.id],
    )) as Array<{ participant_id: string }>;
    await app.db.dataSource.query(
      `UPDATE response SET check_results = '{"attention_instructed": false}'::jsonb WHERE participant_id = $1 AND phase = 'post'`,
      [failing?.participant_id],
    );
    const count = (results: Results) =>
      results.scales.find((s) => s.phase === 'post')?.cells.reduce((sum, cell) => sum + cell.participants, 0) ?? 0;
    const itt = (await owner.call('get', `/api/studies/${study.id}/results`).expect(200)).body as Results;
    const pp = (await owner.call('get', `/api/studies/${study.id}/results?perProtocol=true`).expect(200)).body as Results;
    expect(count(pp)).toBe(count(itt) - 1);
  });
});
