'use client';

import { CartesianGrid, ErrorBar, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface MeansPoint {
  /** The x position: a level of the first factor. */
  readonly x: string;
  /** One value per series (a level of the second factor, or the phase), with its CI half-widths. */
  readonly [series: string]: number | string | readonly [number, number] | null;
}

export interface MeansChartProps {
  readonly title: string;
  readonly points: readonly MeansPoint[];
  readonly series: readonly string[];
}

const DASHES = ['', '6 3', '2 2', '8 3 2 3'];
const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;

/**
 * Means with 95 % CI bars: an interaction plot for two factors (one line per level of the second),
 * or pre and post per condition. Lines differ by dash and marker as well as colour, so colour is
 * never the only carrier of meaning; the numbers are in the table next to the chart.
 */
export function MeansChart({ title, points, series }: MeansChartProps) {
  return (
    <figure className="chart" aria-label={title}>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={[...points]} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="x" />
          <YAxis domain={['auto', 'auto']} />
          <Tooltip />
          <Legend />
          {series.map((name, i) => (
            <Line
              key={name}
              type="linear"
              dataKey={name}
              strokeWidth={2}
              strokeDasharray={DASHES[i % DASHES.length]}
              dot={{ r: 5 }}
              legendType={MARKERS[i % MARKERS.length]}
              isAnimationActive={false}
              connectNulls
              className={`series-${i % 4}`}
            >
              <ErrorBar dataKey={`${name}_ci`} width={6} strokeWidth={1.5} direction="y" isAnimationActive={false} />
            </Line>
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
