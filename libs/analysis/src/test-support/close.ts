// The tolerances of the R comparison: estimates to 1e-9 relative, probabilities and interval
// limits to 1e-6 absolute. toBeCloseTo is decimal-place based, hence these two matchers.
export const RELATIVE = 1e-9;
export const ABSOLUTE = 1e-6;

/** |actual − expected| ≤ 1e-9·|expected| (with a 1e-13 floor for values that are 0 in R). */
export function expectRelative(actual: number | null | undefined, expected: number | null, label: string, tolerance = RELATIVE): void {
  if (expected === null) return void expect({ label, actual }).toEqual({ label, actual: null });
  const ok = typeof actual === 'number' && Math.abs(actual - expected) <= tolerance * Math.abs(expected) + 1e-13;
  if (!ok) throw new Error(`${label}: ${String(actual)} vs R ${expected} (relative tolerance ${tolerance})`);
}

/** |actual − expected| ≤ 1e-6. */
export function expectAbsolute(actual: number | null | undefined, expected: number | null, label: string, tolerance = ABSOLUTE): void {
  if (expected === null) return void expect({ label, actual }).toEqual({ label, actual: null });
  const ok = typeof actual === 'number' && Math.abs(actual - expected) <= tolerance;
  if (!ok) throw new Error(`${label}: ${String(actual)} vs R ${expected} (absolute tolerance ${tolerance})`);
}
