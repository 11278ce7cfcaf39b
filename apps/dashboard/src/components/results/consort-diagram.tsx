import { type Box, consortLayout, type FlowInput } from '@/lib/results/consort-layout';

function centreBottom(b: Box): [number, number] {
  return [b.x + b.width / 2, b.y + b.height];
}

function arrowPath(from: Box, to: Box): string {
  const [x1, y1] = centreBottom(from);
  // A box beside the trunk (exclusions) is reached sideways, at its middle; the rest from above.
  const beside = to.x >= from.x + from.width || to.x + to.width <= from.x;
  const sideways = beside && to.y < from.y + from.height + 40;
  const x2 = sideways ? to.x : to.x + to.width / 2;
  const y2 = sideways ? to.y + to.height / 2 : to.y;
  return sideways ? `M ${x1} ${y1} V ${y2} H ${x2}` : `M ${x1} ${y1} V ${(y1 + y2) / 2} H ${x2} V ${y2}`;
}

function ConsortBox({ box: b }: { readonly box: Box }) {
  return (
    <g>
      <rect x={b.x} y={b.y} width={b.width} height={b.height} rx="6" className="consort-box" />
      {b.lines.map((line, i) => (
        <text key={i} x={b.x + 10} y={b.y + 10 + (i + 1) * 18 - 4} className={i === 0 ? 'consort-head' : 'consort-text'}>
          {line}
        </text>
      ))}
    </g>
  );
}

/** The CONSORT flow as an SVG drawn on the server; the same counts are in the table beside it. */
export function ConsortDiagram({ flow }: { readonly flow: FlowInput }) {
  const layout = consortLayout(flow);
  const byId = new Map(layout.boxes.map((b) => [b.id, b]));
  return (
    <svg
      className="consort"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      style={{ maxWidth: layout.width }}
      role="img"
      aria-labelledby="consort-title consort-desc"
      data-testid="consort"
    >
      <title id="consort-title">CONSORT flow diagram</title>
      <desc id="consort-desc">{layout.boxes.map((b) => b.lines.join(', ')).join('. ')}</desc>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="consort-arrowhead" />
        </marker>
      </defs>
      {layout.arrows.map((arrow) => {
        const from = byId.get(arrow.from);
        const to = byId.get(arrow.to);
        if (!from || !to) return null;
        return <path key={`${arrow.from}-${arrow.to}`} d={arrowPath(from, to)} className="consort-line" markerEnd="url(#arrow)" />;
      })}
      {layout.boxes.map((b) => (
        <ConsortBox key={b.id} box={b} />
      ))}
    </svg>
  );
}
