import type { MeansPoint } from '@/components/charts/means-chart';

interface Cell {
  readonly conditionId: string;
  readonly levels: Readonly<Record<string, string>>;
  readonly mean: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
}

interface Factor {
  readonly id: string;
  readonly levels: readonly string[];
}

function ci(cell: Cell | undefined): readonly [number, number] | null {
  if (!cell || cell.mean === null || cell.ciLow === null || cell.ciHigh === null) return null;
  return [cell.mean - cell.ciLow, cell.ciHigh - cell.mean];
}

/**
 * Chart data for one phase's cell means: with two or more factors an interaction plot (x: the
 * first factor's levels, one series per level of the second, further factors averaged out is
 * not attempted: only the first two are drawn); with one factor a single series.
 */
export function interactionPoints(cells: readonly Cell[], factors: readonly Factor[]): { points: MeansPoint[]; series: string[] } {
  const [first, second] = factors;
  if (!first) return { points: [], series: [] };
  const series = second ? [...second.levels] : ['mean'];
  const points = first.levels.map((x) => {
    const point: Record<string, number | string | readonly [number, number] | null> = { x };
    for (const name of series) {
      const cell = cells.find((c) => c.levels[first.id] === x && (!second || c.levels[second.id] === name));
      point[name] = cell?.mean ?? null;
      point[`${name}_ci`] = ci(cell);
    }
    return point as MeansPoint;
  });
  return { points, series };
}

/** One factor: before and after per level, so the change the conversation made is visible. */
export function prePostPoints(pre: readonly Cell[], post: readonly Cell[], factor: Factor): { points: MeansPoint[]; series: string[] } {
  const points = factor.levels.map((x) => {
    const before = pre.find((c) => c.levels[factor.id] === x);
    const after = post.find((c) => c.levels[factor.id] === x);
    return { x, before: before?.mean ?? null, before_ci: ci(before), after: after?.mean ?? null, after_ci: ci(after) } as MeansPoint;
  });
  return { points, series: ['before', 'after'] };
}
