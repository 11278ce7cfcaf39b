// The geometry of the seven IOS pictures, version 2 (see ios-picture.tsx for the construction and
// its sources). Pure arithmetic in its own .ts module so that the dashboard's Node unit tests can
// check it (their jest config transforms .ts only, not .tsx).

/** Number of pictures. */
export const IOS_PICTURES = 7;
/**
 * Overlap of picture 7 along the line of centres, as a share of a diameter. Chosen so that the
 * two circles of picture 7 share about 85 % of a circle's area, as measured on the original.
 */
export const IOS_MAX_OVERLAP = 0.88;
/** Radius of the circles of picture 1 (just touching), in viewBox units. */
const FIRST_RADIUS = 24;
const MARGIN = 2;

export interface IosCircles {
  /** Radius of both circles (they grow as they overlap, so that the total area stays constant). */
  readonly radius: number;
  /** Distance between the two centres. */
  readonly distance: number;
  readonly selfX: number;
  readonly otherX: number;
  readonly y: number;
  /** Where the "Self" and "Other" words are centred: inside their own circle, left and right. */
  readonly selfLabelX: number;
  readonly otherLabelX: number;
  /** Overlap along the line of centres, as a share of the diameter: 0 (touching) … IOS_MAX_OVERLAP. */
  readonly linearOverlap: number;
  /** Area of the lens the circles share, as a share of one circle's area. */
  readonly areaOverlap: number;
}

/** Area of the lens of two equal circles whose centres are `share` diameters apart, per circle area. */
export function lensShare(share: number): number {
  const x = Math.min(Math.max(share, 0), 1);
  return (2 / Math.PI) * (Math.acos(x) - x * Math.sqrt(1 - x * x));
}

function checkPoint(point: number): void {
  if (!Number.isInteger(point) || point < 1 || point > IOS_PICTURES) {
    throw new RangeError(`IOS picture ${String(point)} is not 1 … ${String(IOS_PICTURES)}`);
  }
}

/**
 * The circles of picture `point` (1 … 7). The linear overlap grows in equal steps; the radius
 * follows from the constant total area: 2πr² − lens = 2π·FIRST_RADIUS² (the area of picture 1).
 */
export function iosCircles(point: number): IosCircles {
  checkPoint(point);
  const linearOverlap = ((point - 1) / (IOS_PICTURES - 1)) * IOS_MAX_OVERLAP;
  const areaOverlap = lensShare(1 - linearOverlap);
  const radius = FIRST_RADIUS * Math.sqrt(2 / (2 - areaOverlap));
  const distance = 2 * radius * (1 - linearOverlap);
  const centre = IOS_VIEWBOX.width / 2;
  // The words sit at the circle centres while the circles are apart, and move outwards (to half a
  // radius from the middle) as the circles close in, so that they never overlap each other.
  const labelOffset = Math.max(distance / 2, radius / 2);
  return {
    radius,
    distance,
    y: IOS_VIEWBOX.height / 2,
    linearOverlap,
    areaOverlap,
    selfX: centre - distance / 2,
    otherX: centre + distance / 2,
    selfLabelX: centre - labelOffset,
    otherLabelX: centre + labelOffset,
  };
}

/** Total area the two circles cover (union): the same for every picture. */
export function iosTotalArea(circles: IosCircles): number {
  return Math.PI * circles.radius ** 2 * (2 - circles.areaOverlap);
}

function largestRadius(): number {
  return FIRST_RADIUS * Math.sqrt(2 / (2 - lensShare(1 - IOS_MAX_OVERLAP)));
}

/** One viewBox for all seven pictures, so that they are drawn to the same scale. */
export const IOS_VIEWBOX: { readonly width: number; readonly height: number } = {
  width: 4 * FIRST_RADIUS + 2 * MARGIN,
  height: Math.ceil(2 * largestRadius() + 2 * MARGIN),
};
