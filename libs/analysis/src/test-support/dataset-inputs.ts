// Library inputs built from an R fixture dataset, the way the API will build them from its tables.
import { sessionScores, summarise } from '../descriptives';
import type { ModelRow } from '../factorial-model';
import type { ScoreGroup, Summary } from '../summaries';
import type { RDataset } from './fixtures';

export function memberGroups(dataset: RDataset): number[][] {
  const groups = new Map<string, number[]>();
  for (const row of dataset.individuals) {
    const group = groups.get(row.sessionId) ?? [];
    if (row.post !== null) group.push(row.post);
    groups.set(row.sessionId, group);
  }
  return [...groups.values()];
}

/** One row per session: its post mean as y and its pre mean as covariate (null when missing). */
export function sessionRows(dataset: RDataset): ModelRow[] {
  const post = sessionScores(dataset.individuals.map((row) => ({ sessionId: row.sessionId, value: row.post })));
  const pre = sessionScores(dataset.individuals.map((row) => ({ sessionId: row.sessionId, value: row.pre })));
  return post.map((session, i) => ({
    y: session.mean,
    levels: dataset.individuals.find((row) => row.sessionId === session.sessionId)?.levels ?? {},
    covariate: pre[i]?.mean ?? null,
  }));
}

export function cellKey(levels: Readonly<Record<string, string>>): string {
  return Object.keys(levels)
    .sort()
    .map((id) => `${id}=${levels[id]}`)
    .join(',');
}

/** What the results query sends per cell and distinct post-session mean (see apps/api results.repository). */
export interface ScoreBucket extends ScoreGroup {
  levels: Readonly<Record<string, string>>;
  covariate: Summary;
  members: number;
  squaredSizes: number;
  withinSs: number;
}

/** The dataset's post scores aggregated the way PostgreSQL does for the API: sessions → buckets. */
export function scoreBuckets(dataset: RDataset): ScoreBucket[] {
  const buckets = new Map<string, ScoreBucket & { preValues: number[] }>();
  const rows = sessionRows(dataset);
  memberGroups(dataset).forEach((members, i) => {
    const row = rows[i];
    if (!row || row.y === null || members.length === 0) return;
    const key = `${cellKey(row.levels)}/${row.y}`;
    const bucket = buckets.get(key) ?? {
      levels: row.levels,
      value: row.y,
      sessions: 0,
      members: 0,
      squaredSizes: 0,
      withinSs: 0,
      covariate: { n: 0, mean: 0, ss: 0 },
      preValues: [],
    };
    const own = summarise(members);
    bucket.sessions += 1;
    bucket.members += members.length;
    bucket.squaredSizes += members.length ** 2;
    bucket.withinSs += own.ss;
    if (row.covariate !== null && row.covariate !== undefined) bucket.preValues.push(row.covariate);
    buckets.set(key, bucket);
  });
  return [...buckets.values()].map(({ preValues, ...bucket }) => ({
    ...bucket,
    covariate: preValues.length ? summarise(preValues) : bucket.covariate,
  }));
}

/** Buckets by condition cell, in order of first appearance. */
export function bucketsByCell(buckets: readonly ScoreBucket[]): ScoreBucket[][] {
  const cells = new Map<string, ScoreBucket[]>();
  for (const bucket of buckets) cells.set(cellKey(bucket.levels), [...(cells.get(cellKey(bucket.levels)) ?? []), bucket]);
  return [...cells.values()];
}
