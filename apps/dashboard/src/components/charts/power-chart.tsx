'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Power against sessions per condition, with the target power marked; the table beside it has the numbers. */
export function PowerChart({ curve, target }: { readonly curve: ReadonlyArray<{ n: number; power: number }>; readonly target: number }) {
  return (
    <figure className="chart" aria-label="Power curve">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={[...curve]} margin={{ top: 10, right: 20, bottom: 20, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="n" label={{ value: 'sessions per condition', position: 'insideBottom', offset: -10 }} />
          <YAxis domain={[0, 1]} />
          <Tooltip />
          <ReferenceLine y={target} strokeDasharray="6 3" label={`target ${target}`} />
          <Line type="monotone" dataKey="power" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
