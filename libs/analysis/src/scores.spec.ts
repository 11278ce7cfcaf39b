// Descriptives, session scores, change scores and the ICCs against R on the 60 seeded datasets.
import { changeScores } from './change-scores';
import { descriptives, sessionScores, type Descriptives } from './descriptives';
import { icc1, pairwiseIcc } from './icc';
import { expectAbsolute, expectRelative } from './test-support/close';
import { memberGroups } from './test-support/dataset-inputs';
import { datasetFixtures, type RDescriptives } from './test-support/fixtures';

const cases = datasetFixtures.datasets.map((d) => [d.id, d] as const);

function compareDescriptives(actual: Descriptives, r: RDescriptives, label: string): void {
  expect([actual.n, actual.missing]).toEqual([r.n, r.missing]);
  for (const key of ['mean', 'sd', 'se', 'median', 'min', 'max'] as const) expectRelative(actual[key], r[key], `${label} ${key}`);
  expectAbsolute(actual.ciLow, r.ciLow, `${label} ciLow`);
  expectAbsolute(actual.ciHigh, r.ciHigh, `${label} ciHigh`);
}

describe('session-level scores and descriptives against R', () => {
  it.each(cases)('dataset %s', (_, dataset) => {
    const scores = sessionScores(dataset.individuals.map((row) => ({ sessionId: row.sessionId, value: row.post })));
    expect(scores.map((s) => [s.sessionId, s.members])).toEqual(dataset.sessionScores.map((s) => [s.sessionId, s.members]));
    dataset.sessionScores.forEach((s, i) => expectRelative(scores[i]?.mean, s.mean, `session ${s.sessionId} mean`));
    compareDescriptives(descriptives(dataset.individuals.map((row) => row.post)), dataset.descriptives.individuals, 'individuals');
    for (const cell of dataset.descriptives.cells) compareDescriptives(descriptives(cell.values), cell.result, JSON.stringify(cell.levels));
  });

  it('returns nulls rather than NaN where a figure is undefined', () => {
    expect(descriptives([])).toEqual({
      n: 0,
      missing: 0,
      mean: null,
      sd: null,
      se: null,
      ciLow: null,
      ciHigh: null,
      median: null,
      min: null,
      max: null,
    });
    expect(descriptives([null, 3, Number.NaN])).toMatchObject({
      n: 1,
      missing: 2,
      mean: 3,
      sd: null,
      se: null,
      ciLow: null,
      median: 3,
      min: 3,
      max: 3,
    });
    expect(sessionScores([{ sessionId: 's', value: null }])).toEqual([{ sessionId: 's', mean: null, members: 0, missing: 1 }]);
  });
});

describe('change scores (post − pre) against R', () => {
  it.each(cases)('dataset %s', (_, dataset) => {
    const result = changeScores(dataset.individuals.map((row, i) => ({ participantId: `p${i}`, ...row })));
    result.participants.forEach((p, i) => expectRelative(p.change, dataset.change.participants[i] ?? null, `participant ${i}`));
    expect(result.sessions.map((s) => s.members)).toEqual(dataset.change.sessions.map((s) => s.members));
    dataset.change.sessions.forEach((s, i) => expectRelative(result.sessions[i]?.mean, s.mean, `session ${s.sessionId}`));
  });
});

describe('ICC(1) (one-way ANOVA, Shrout & Fleiss CI) and pairwise ICC against R', () => {
  it.each(cases)('dataset %s', (_, dataset) => {
    const icc = icc1(memberGroups(dataset));
    const r = dataset.icc;
    expect([icc?.df1, icc?.df2]).toEqual([r.df1, r.df2]);
    for (const key of ['msb', 'msw', 'k', 'f', 'icc'] as const) expectRelative(icc?.[key], r[key], key);
    for (const key of ['p', 'ciLow', 'ciHigh'] as const) expectAbsolute(icc?.[key], r[key], key);
    const pairwise = pairwiseIcc(memberGroups(dataset));
    expect(pairwise?.pairs).toBe(dataset.pairwiseIcc.pairs);
    expectRelative(pairwise?.r, dataset.pairwiseIcc.r, 'pairwise r');
  });

  it('equals (MSB − MSW)/(MSB + MSW) for dyads and is null without within-session variance', () => {
    const icc = icc1([
      [1, 2],
      [3, 5],
      [4, 4],
      [8, 6],
    ]);
    expect(icc?.k).toBe(2);
    expect(icc?.icc).toBeCloseTo(((icc?.msb ?? 0) - (icc?.msw ?? 0)) / ((icc?.msb ?? 0) + (icc?.msw ?? 0)), 14);
    expect(icc1([[1], [2], [3]])).toBeNull();
    expect(pairwiseIcc([[1], [2]])).toBeNull();
  });
});
