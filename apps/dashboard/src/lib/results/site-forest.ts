/** One site row of a forest plot: its estimate and 95 % interval. */
export interface SiteForestRow {
  readonly label: string;
  readonly external: boolean;
  readonly g: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly weight: number | null;
}

export interface SiteForestPool {
  readonly estimate: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly piLow: number;
  readonly piHigh: number;
}

export interface ForestAxis {
  readonly min: number;
  readonly max: number;
  /** Round values for tick marks, 0 among them. */
  readonly ticks: readonly number[];
}

const STEPS = [0.1, 0.2, 0.25, 0.5, 1, 2, 5];

/**
 * The axis of a sites forest plot: every interval, the prediction interval and 0 fit, padded to
 * round ticks (about five), so sites far apart still share one readable scale.
 */
export function forestAxis(rows: readonly SiteForestRow[], pool: SiteForestPool | null, extra: readonly number[] = []): ForestAxis {
  const values = [
    0,
    ...extra,
    ...rows.flatMap((row) => [row.ciLow, row.ciHigh]),
    ...(pool ? [pool.piLow, pool.piHigh, pool.ciLow, pool.ciHigh] : []),
  ].filter(Number.isFinite);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const step = STEPS.find((candidate) => (high - low) / candidate <= 6) ?? 10;
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let tick = min; tick <= max + step / 2; tick += step) ticks.push(Math.round(tick * 1000) / 1000);
  return { min, max: max === min ? min + step : max, ticks };
}

/** The pooled diamond's four corners (centre, CI ends), as an SVG points string. */
export function diamondPoints(pool: SiteForestPool, x: (value: number) => number, y: number, halfHeight: number): string {
  return [
    [x(pool.ciLow), y],
    [x(pool.estimate), y - halfHeight],
    [x(pool.ciHigh), y],
    [x(pool.estimate), y + halfHeight],
  ]
    .map(([a, b]) => `${a},${b}`)
    .join(' ');
}
