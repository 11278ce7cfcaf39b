import type { Design, Factor } from './types';

/**
 * Condition ids as the API derives them (apps/api/src/randomisation/design.ts `conditionsOf`):
 * the full factorial, factors in declared order (the first varies slowest), `factor=level|…`.
 */
export function conditionIds(factors: readonly Factor[]): string[] {
  let cells: string[][] = [[]];
  for (const factor of factors) cells = cells.flatMap((cell) => factor.levels.map((level) => [...cell, `${factor.id}=${level.id}`]));
  return factors.length === 0 ? [] : cells.map((cell) => cell.join('|'));
}

/** `phone=present|seating=side_by_side` → "Phone present × Side by side" with the design's labels. */
export function conditionName(design: Design, id: string): string {
  return id
    .split('|')
    .map((pair) => {
      const [factorId, levelId] = pair.split('=');
      const factor = design.factors.find((candidate) => candidate.id === factorId);
      return factor?.levels.find((level) => level.id === levelId)?.label ?? pair;
    })
    .join(' × ');
}

/** Weights of conditions that still exist; unnamed conditions weigh 1, as the API reads them. */
export function weightsFor(design: Design): Array<{ id: string; weight: number }> {
  return conditionIds(design.factors).map((id) => ({ id, weight: design.conditionWeights[id] ?? 1 }));
}
