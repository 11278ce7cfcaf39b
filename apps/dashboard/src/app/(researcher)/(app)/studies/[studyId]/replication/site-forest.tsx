import { diamondPoints, forestAxis, type SiteForestPool, type SiteForestRow } from '@/lib/results/site-forest';
import { formatNumber } from '@/lib/results/format';

const [LEFT, WIDTH, RIGHT, ROW] = [190, 400, 180, 34];

function describe(rows: readonly SiteForestRow[], pool: SiteForestPool | null): string {
  const sites = rows.map(
    (row) =>
      `${row.label}${row.external ? ' (external)' : ''}: g ${formatNumber(row.g)} [${formatNumber(row.ciLow)}, ${formatNumber(row.ciHigh)}]`,
  );
  const pooled = pool
    ? [
        `pooled ${formatNumber(pool.estimate)} [${formatNumber(pool.ciLow)}, ${formatNumber(pool.ciHigh)}], prediction interval [${formatNumber(pool.piLow)}, ${formatNumber(pool.piHigh)}]`,
      ]
    : [];
  return [...sites, ...pooled].join('; ');
}

type Scale = (value: number) => number;

function OriginalLine({ original, x, height }: { readonly original: number; readonly x: Scale; readonly height: number }) {
  return (
    <>
      <line x1={x(original)} x2={x(original)} y1={20} y2={height - 22} className="forest-d33" />
      <text x={x(original)} y={height - 6} className="forest-label" textAnchor="middle">
        original d {formatNumber(original)}
      </text>
    </>
  );
}

function SiteRow({ row, y, x }: { readonly row: SiteForestRow; readonly y: number; readonly x: Scale }) {
  const size = 6 + Math.sqrt(row.weight ?? 25) * 1.2;
  return (
    <g data-testid="site-row">
      <text x={8} y={y + 5} className="forest-label">
        {row.label}
        {row.external ? ' (external)' : ''}
      </text>
      <line x1={x(row.ciLow)} x2={x(row.ciHigh)} y1={y} y2={y} className="forest-ci" />
      <rect x={x(row.g) - size / 2} y={y - size / 2} width={size} height={size} className="forest-point" />
      <text x={LEFT + WIDTH + 10} y={y + 5} className="forest-label">
        {formatNumber(row.g)} [{formatNumber(row.ciLow)}, {formatNumber(row.ciHigh)}]
      </text>
    </g>
  );
}

function PooledRow({ pool, y: poolY, x }: { readonly pool: SiteForestPool; readonly y: number; readonly x: Scale }) {
  return (
    <g data-testid="pooled-row">
      <text x={8} y={poolY + 5} className="forest-label">
        Pooled (random effects)
      </text>
      <polygon points={diamondPoints(pool, x, poolY, 9)} className="forest-diamond" />
      <text x={LEFT + WIDTH + 10} y={poolY + 5} className="forest-label">
        {formatNumber(pool.estimate)} [{formatNumber(pool.ciLow)}, {formatNumber(pool.ciHigh)}]
      </text>
      <text x={8} y={poolY + 35} className="forest-label">
        Prediction interval
      </text>
      <line x1={x(pool.piLow)} x2={x(pool.piHigh)} y1={poolY + 30} y2={poolY + 30} className="forest-pi" />
      <text x={LEFT + WIDTH + 10} y={poolY + 35} className="forest-label">
        [{formatNumber(pool.piLow)}, {formatNumber(pool.piHigh)}]
      </text>
    </g>
  );
}

interface SiteForestProps {
  readonly rows: readonly SiteForestRow[];
  readonly pool: SiteForestPool | null;
  readonly original: number | null;
}

/**
 * Per-site Hedges' g with 95 % CIs (squares sized by weight), the pooled estimate as a diamond and
 * its prediction interval as a line beneath: the plot metafor's forest() draws, on the server.
 */
export function SiteForest({ rows, pool, original }: SiteForestProps) {
  const axis = forestAxis(rows, pool, original === null ? [] : [original]);
  const x = (value: number): number => LEFT + ((value - axis.min) / (axis.max - axis.min)) * WIDTH;
  const poolY = 40 + rows.length * ROW + 16;
  const height = poolY + (pool ? 70 : 30);
  return (
    <svg
      className="forest"
      viewBox={`0 0 ${LEFT + WIDTH + RIGHT} ${height}`}
      role="img"
      aria-labelledby="site-forest-title"
      data-testid="site-forest"
    >
      <title id="site-forest-title">{describe(rows, pool)}</title>
      {axis.ticks.map((tick) => (
        <text key={tick} x={x(tick)} y={14} className="forest-label" textAnchor="middle">
          {formatNumber(tick)}
        </text>
      ))}
      <line x1={x(0)} x2={x(0)} y1={20} y2={height - 10} className="forest-zero" />
      {original !== null ? <OriginalLine original={original} x={x} height={height} /> : null}
      {rows.map((row, i) => (
        <SiteRow key={row.label} row={row} y={40 + i * ROW} x={x} />
      ))}
      {pool ? <PooledRow pool={pool} y={poolY} x={x} /> : null}
    </svg>
  );
}
