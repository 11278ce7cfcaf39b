/** Centre distance between the two circles of picture `point` (1 = apart … 7 = almost one). */
function centreDistance(point: number): number {
  return 46 - (point - 1) * 6.6;
}

/**
 * One of the seven IOS pictures, drawn rather than shipped as images: a few hundred bytes each,
 * crisp at any zoom. Decorative here: the label next to it carries the words.
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
