import { formatNumber } from '@/lib/results/format';

export interface ForestRow {
  readonly label: string;
  readonly estimate: number;
  readonly low: number | null;
  readonly high: number | null;
}

/**
 * Original and replication on one effect-size axis (forest-plot style), drawn on the server: a
 * square per estimate, its 95 % CI as a line, 0 and d33 as vertical marks labelled in words.
 */
export function Forest({ rows, d33 }: { readonly rows: readonly ForestRow[]; readonly d33: number | null }) {
  const values = rows.flatMap((row) => [row.estimate, row.low ?? row.estimate, row.high ?? row.estimate]).concat([0, d33 ?? 0]);
  const min = Math.min(...values) - 0.2;
  const max = Math.max(...values) + 0.2;
  const [left, width] = [170, 440];
  const x = (value: number): number => left + ((value - min) / (max - min)) * width;
  const height = 40 + rows.length * 40 + 30;
  return (
    <svg className="forest" viewBox={`0 0 ${left + width + 20} ${height}`} role="img" aria-labelledby="forest-title" data-testid="forest">
      <title id="forest-title">
        {rows.map((row) => `${row.label}: ${formatNumber(row.estimate)} [${formatNumber(row.low)}, ${formatNumber(row.high)}]`).join('; ')}
        {d33 !== null ? `; d33 = ${formatNumber(d33)}` : ''}
      </title>
      <line x1={x(0)} x2={x(0)} y1={20} y2={height - 30} className="forest-zero" />
      <text x={x(0)} y={14} className="forest-label" textAnchor="middle">
        0
      </text>
      {d33 !== null ? (
        <>
          <line x1={x(d33)} x2={x(d33)} y1={20} y2={height - 30} className="forest-d33" />
          <text x={x(d33)} y={height - 12} className="forest-label" textAnchor="middle">
            d33 {formatNumber(d33)}
          </text>
        </>
      ) : null}
      {rows.map((row, i) => {
        const y = 45 + i * 40;
        return (
          <g key={row.label}>
            <text x={8} y={y + 5} className="forest-label">
              {row.label}
            </text>
            {row.low !== null && row.high !== null ? <line x1={x(row.low)} x2={x(row.high)} y1={y} y2={y} className="forest-ci" /> : null}
            <rect x={x(row.estimate) - 6} y={y - 6} width={12} height={12} className="forest-point" />
          </g>
        );
      })}
    </svg>
  );
}
