// Every figure of the factorial model and the ANCOVA against R (lm + car::Anova(type = 3)) on the
// 60 seeded datasets of reference/fixtures/datasets.json.
import { factorialModel, factorialModelFromCells, type FactorialModel } from './factorial-model';
import { pairedScoreSummary, scoreSummary } from './summaries';
import { expectAbsolute, expectRelative } from './test-support/close';
import { bucketsByCell, cellKey, scoreBuckets, sessionRows } from './test-support/dataset-inputs';
import { datasetFixtures, type REstimate, type RModel } from './test-support/fixtures';

function compareEstimate(
  label: string,
  actual: { estimate: number; se: number; ciLow: number; ciHigh: number; df: number } | undefined,
  expected: REstimate,
): void {
  expect(actual).toBeDefined();
  expectRelative(actual?.estimate, expected.estimate, `${label} estimate`);
  expectRelative(actual?.se, expected.se, `${label} se`);
  expect(actual?.df).toBe(expected.df);
  expectAbsolute(actual?.ciLow, expected.ciLow, `${label} ciLow`);
  expectAbsolute(actual?.ciHigh, expected.ciHigh, `${label} ciHigh`);
}

function compareModel(model: FactorialModel, r: RModel): void {
  expect(model.n).toBe(r.n);
  expect(model.coefficients.map((c) => c.name)).toEqual(r.coefficients.map((c) => c.name));
  r.coefficients.forEach((rc, i) => {
    const c = model.coefficients[i];
    expectRelative(c?.estimate, rc.estimate, `${rc.name} estimate`);
    expectRelative(c?.se, rc.se, `${rc.name} se`);
    expectRelative(c?.t, rc.t, `${rc.name} t`);
    expectAbsolute(c?.p, rc.p, `${rc.name} p`);
  });
  expect(model.anova.map((row) => [row.term, row.df])).toEqual(r.anova.map((row) => [row.term, row.df]));
  r.anova.forEach((ra, i) => {
    const a = model.anova[i];
    expectRelative(a?.ss, ra.ss, `${ra.term} SS`);
    expectRelative(a?.f, ra.f, `${ra.term} F`);
    expectAbsolute(a?.p, ra.p, `${ra.term} p`);
    expectRelative(a?.partialEta2, ra.partialEta2, `${ra.term} partial eta²`);
  });
  expectRelative(model.residual.ss, r.residual.ss, 'residual SS');
  expect(model.residual.df).toBe(r.residual.df);
  for (const cell of r.cells)
    compareEstimate(
      `cell ${cellKey(cell.levels)}`,
      model.cells.find((c) => cellKey(c.levels) === cellKey(cell.levels)),
      cell,
    );
  for (const m of r.marginal)
    compareEstimate(
      `marginal ${m.factor}=${m.level}`,
      model.marginal.find((x) => x.factor === m.factor && x.level === m.level),
      m,
    );
  expect(model.simpleEffects?.length ?? null).toBe(r.simpleEffects?.length ?? null);
  for (const s of r.simpleEffects ?? []) {
    const label = `simple effect of ${s.factor} at ${s.at.factor}=${s.at.level}`;
    const ours = model.simpleEffects?.find((x) => x.factor === s.factor && x.at.level === s.at.level);
    compareEstimate(label, ours, s);
    expectRelative(ours?.t, s.t, `${label} t`);
    expectAbsolute(ours?.p, s.p, `${label} p`);
  }
}

const cases = datasetFixtures.datasets.map((d) => [`${d.id} (${d.factors.map((f) => f.levels.length).join('×')})`, d] as const);

describe('factorialModel against R lm + car::Anova(type = 3), contr.sum', () => {
  it.each(cases)('dataset %s: session scores', (_, dataset) => {
    const model = factorialModel({ rows: sessionRows(dataset), factors: dataset.factors });
    compareModel(model, dataset.model);
    expect(model.n + model.excluded).toBe(dataset.sessionScores.length);
  });

  it.each(cases)('dataset %s: ANCOVA with centred pre', (_, dataset) => {
    const model = factorialModel({ rows: sessionRows(dataset), factors: dataset.factors, covariate: true });
    if (!dataset.ancova) throw new Error('every fixture dataset has an ANCOVA');
    compareModel(model, dataset.ancova);
    expectRelative(model.covariateMean, dataset.ancova.covariateMean, 'covariate mean');
  });
});

describe('factorialModelFromCells: the same figures from what PostgreSQL sends (sessions grouped by cell and score)', () => {
  it.each(cases)('dataset %s: model and ANCOVA', (_, dataset) => {
    const cells = bucketsByCell(scoreBuckets(dataset));
    const first = (groups: readonly { levels: Readonly<Record<string, string>> }[]) => groups[0]?.levels ?? {};
    const model = factorialModelFromCells({
      factors: dataset.factors,
      cells: cells.map((groups) => ({ levels: first(groups), y: scoreSummary(groups) })),
    });
    compareModel(model, dataset.model);
    const paired = cells.map((groups) => ({ levels: first(groups), ...pairedScoreSummary(groups) }));
    const sessions = model.n;
    const ancova = factorialModelFromCells({
      factors: dataset.factors,
      covariate: true,
      excluded: sessions - paired.reduce((sum, cell) => sum + cell.n, 0),
      cells: paired.map((cell) => ({ levels: cell.levels, y: cell.y, covariate: { x: cell.x, cross: cell.cross } })),
    });
    if (!dataset.ancova) throw new Error('every fixture dataset has an ANCOVA');
    compareModel(ancova, dataset.ancova);
    expectRelative(ancova.covariateMean, dataset.ancova.covariateMean, 'covariate mean');
    expect(ancova.n + ancova.excluded).toBe(sessions);
  });
});
