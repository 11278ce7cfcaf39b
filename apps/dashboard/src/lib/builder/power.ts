export interface PowerAtTarget {
  readonly power: number;
  /** The curve has no point at the target: this is the power at the nearest size below it (power only grows with n). */
  readonly atLeast: boolean;
}

/** Reads the power at `target` sessions off the API's curve; no statistics are computed here. */
export function powerAt(curve: ReadonlyArray<{ readonly n: number; readonly power: number }>, target: number): PowerAtTarget | null {
  const exact = curve.find((point) => point.n === target);
  if (exact) return { power: exact.power, atLeast: false };
  const below = curve.filter((point) => point.n < target).at(-1);
  return below ? { power: below.power, atLeast: true } : null;
}

const D_MIN = 0.05;
const D_MAX = 5;

/**
 * The smallest effect d (to two decimals, rounded up) that `target` sessions per condition detect
 * with the API's power, found by bisection over the API's own sample-size answer `sessionsFor(d)`,
 * which falls as d grows. The statistics stay in the API; this only searches. null: even d = 5
 * needs more sessions than the target; 0.05 means at most that (the API's smallest d).
 */
export async function detectableEffect(target: number, sessionsFor: (d: number) => Promise<number | null>): Promise<number | null> {
  const atMax = await sessionsFor(D_MAX);
  if (atMax === null || atMax > target) return null;
  const atMin = await sessionsFor(D_MIN);
  if (atMin !== null && atMin <= target) return D_MIN;
  let low = D_MIN;
  let high = D_MAX;
  while (high - low > 0.005) {
    const middle = (low + high) / 2;
    const needed = await sessionsFor(middle);
    if (needed === null) return null;
    if (needed <= target) high = middle;
    else low = middle;
  }
  return Math.ceil(high * 100 - 1e-9) / 100;
}
