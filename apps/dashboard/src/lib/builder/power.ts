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
