// Descriptives, ICC(1) and the two-group comparisons from what PostgreSQL sends the API (session
// means counted per condition cell and distinct value, with member counts and within-session SS)
// against R on the 60 seeded datasets: aggregating must not move any figure.
import { descriptivesOfFrequencies } from './descriptives';
import { twoLevelComparisonsFromSummaries } from './effect-sizes';
import { icc1FromGroups } from './icc';
import { scoreSummary } from './summaries';
import { expectAbsolute, expectRelative } from './test-support/close';
import { cellKey, scoreBuckets } from './test-support/dataset-inputs';
import { datasetFixtures } from './test-support/fixtures';

const cases = datasetFixtures.datasets.map((d) => [d.id, d] as const);

describe('statistics from score groups equal R', () => {
  it.each(cases)('dataset %s: cell descriptives from frequency tables', (_, dataset) => {
    const buckets = scoreBuckets(dataset);
    for (const cell of dataset.descriptives.cells) {
      const mine = buckets.filter((bucket) => cellKey(bucket.levels) === cellKey(cell.levels));
      const result = descriptivesOfFrequencies(
        mine.map((bucket) => ({ value: bucket.value, count: bucket.sessions })),
        cell.result.missing,
      );
      const label = JSON.stringify(cell.levels);
      expect([result.n, result.missing]).toEqual([cell.result.n, cell.result.missing]);
      for (const key of ['mean', 'sd', 'se', 'median', 'min', 'max'] as const)
        expectRelative(result[key], cell.result[key], `${label} ${key}`);
      expectAbsolute(result.ciLow, cell.result.ciLow, `${label} ciLow`);
      expectAbsolute(result.ciHigh, cell.result.ciHigh, `${label} ciHigh`);
    }
  });

  it.each(cases)('dataset %s: ICC(1) from sessions grouped by their mean', (_, dataset) => {
    const icc = icc1FromGroups(
      scoreBuckets(dataset).map((bucket) => ({
        sessions: bucket.sessions,
        members: bucket.members,
        squaredSizes: bucket.squaredSizes,
        mean: bucket.value,
        ss: bucket.withinSs,
      })),
    );
    for (const key of ['msb', 'msw', 'k', 'f', 'icc'] as const) expectRelative(icc?.[key], dataset.icc[key], `ICC ${key}`);
    for (const key of ['p', 'ciLow', 'ciHigh'] as const) expectAbsolute(icc?.[key], dataset.icc[key], `ICC ${key}`);
  });

  it.each(cases)('dataset %s: Hedges g and Welch t from level summaries', (_, dataset) => {
    const buckets = scoreBuckets(dataset);
    const result = twoLevelComparisonsFromSummaries(
      (factor, level) => scoreSummary(buckets.filter((bucket) => bucket.levels[factor] === level)),
      dataset.factors,
    );
    expect(result.map((r) => r.factor)).toEqual(dataset.groupComparisons.map((c) => c.factor));
    dataset.groupComparisons.forEach((c, i) => {
      const mine = result[i];
      for (const key of ['d', 'g'] as const) expectRelative(mine?.hedges?.[key], c.hedges[key], `${c.factor} ${key}`);
      expectAbsolute(mine?.hedges?.ciLow, c.hedges.exactCiLow, `${c.factor} g ciLow`);
      expectAbsolute(mine?.hedges?.ciHigh, c.hedges.exactCiHigh, `${c.factor} g ciHigh`);
      for (const key of ['t', 'df', 'meanA', 'meanB', 'se'] as const)
        expectRelative(mine?.welch?.[key], c.welch[key], `${c.factor} Welch ${key}`);
      expectAbsolute(mine?.welch?.p, c.welch.p, `${c.factor} Welch p`);
    });
  });
});
