import { IOS_VIEWBOX, iosCircles } from './ios-geometry';

/** Centre distance between the two circles of picture `point` (1 = apart … 7 = almost one). */
function centreDistance(point: number): number {
  return 46 - (point - 1) * 6.6;
}

/**
 * One of the seven IOS pictures of instrument version 1, drawn rather than shipped as images: a
 * few hundred bytes each, crisp at any zoom. Decorative here: the label next to it carries the
 * words. Kept unchanged, so that sessions running ios v1 see what they always saw.
 */
export function IosPicture({ point }: { readonly point: number }) {
  const radius = 21;
  const half = centreDistance(point) / 2;
  return (
    <svg className="ios-picture" viewBox="0 0 100 50" width="100" height="50" aria-hidden="true" focusable="false">
      <circle cx={50 - half} cy="25" r={radius} className="ios-self" />
      <circle cx={50 + half} cy="25" r={radius} className="ios-other" />
    </svg>
  );
}

/*
 * IOS version 2: the pictures as in Aron, Aron & Smollan (1992).
 *
 * The original figure shows seven pairs of circles, the left labelled "Self" and the right
 * "Other", inside the circles, from just touching (1) to almost completely overlapping (7), and
 * no words beside the pictures (domain.md §2.1 [V]). Construction used here (geometry in
 * ios-geometry.ts):
 *
 * 1. The total area each pair covers is the same in every picture, so that no picture looks
 *    "bigger"; the circles therefore grow as they overlap (2πr² − lens = constant).
 * 2. The overlap progresses linearly: the overlap along the line of centres grows by the same
 *    share of a diameter from one picture to the next, from 0 (touching) to 0.88 in picture 7.
 *
 * Rules 1 and 2 are our recollection of the 1992 article's description of its figure and have
 * NOT been verified against the article [R]. They agree with Thériault's (rempsyc, 2020)
 * measurement of the original pictures [S]: area overlaps of about 0, 10, 20, 30, 55, 65 and
 * 85 % of a circle, not equal steps of area, which is what equal linear steps give
 * (0, 7, 18, 33, 49, 67, 85 % here); 0.88 is the linear overlap that gives 85 % in picture 7.
 */

function Word({ x, y, text }: { readonly x: number; readonly y: number; readonly text: string }) {
  const lines = text.split(/\s+/);
  const size = 7.5;
  const top = y - ((lines.length - 1) * size * 1.1) / 2;
  return (
    <text x={x} y={top} fontSize={size} textAnchor="middle" dominantBaseline="central" fill="currentColor">
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? 0 : size * 1.1}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

interface IosFigureProps {
  readonly point: number;
  readonly self: string;
  readonly other: string;
}

/**
 * One IOS v2 picture with "Self" and "Other" (localised) inside the circles. Hidden from
 * assistive technology: the option's accessible name ("Picture 3 of 7") is given beside it.
 */
export function IosFigure({ point, self, other }: IosFigureProps) {
  const circles = iosCircles(point);
  const { width, height } = IOS_VIEWBOX;
  const rem = 10;
  return (
    <svg
      className="ios-picture"
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
      style={{ width: `${rem}rem`, height: `${(rem * height) / width}rem` }}
    >
      <circle cx={circles.selfX} cy={circles.y} r={circles.radius} className="ios-self" />
      <circle cx={circles.otherX} cy={circles.y} r={circles.radius} className="ios-other" />
      <Word x={circles.selfLabelX} y={circles.y} text={self} />
      <Word x={circles.otherLabelX} y={circles.y} text={other} />
    </svg>
  );
}
