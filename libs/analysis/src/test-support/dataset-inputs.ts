// Library inputs built from an R fixture dataset, the way the API will build them from its tables.
import { sessionScores } from '../descriptives';
import type { ModelRow } from '../factorial-model';
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
  return Object.keys(levels).sort().map((id) => `${id}=${levels[id]}`).join(',');
}
