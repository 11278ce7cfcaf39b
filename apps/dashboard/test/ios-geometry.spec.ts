import { IOS_MAX_OVERLAP, IOS_PICTURES, IOS_VIEWBOX, iosCircles, iosTotalArea, lensShare } from '@/components/survey/ios-geometry';

// The IOS v2 pictures (Aron, Aron & Smollan 1992): constant total area, linearly progressing
// overlap, picture 1 just touching, picture 7 almost one circle. See ios-picture.tsx.

const points = Array.from({ length: IOS_PICTURES }, (_, index) => index + 1);
const pictures = points.map(iosCircles);

describe('iosCircles: the construction of the seven pictures', () => {
  it('keeps the total area of each pair constant', () => {
    const first = iosTotalArea(pictures[0]!);
    for (const circles of pictures) expect(iosTotalArea(circles) / first).toBeCloseTo(1, 12);
  });

  it('lets the overlap along the line of centres progress in equal steps, from touching', () => {
    expect(pictures[0]!.distance).toBeCloseTo(2 * pictures[0]!.radius, 12);
    expect(pictures[6]!.linearOverlap).toBeCloseTo(IOS_MAX_OVERLAP, 12);
    const steps = pictures.slice(1).map((circles, index) => circles.linearOverlap - pictures[index]!.linearOverlap);
    for (const step of steps) expect(step).toBeCloseTo(IOS_MAX_OVERLAP / 6, 12);
  });

  it('overlaps more, and with larger circles, from each picture to the next', () => {
    pictures.slice(1).forEach((circles, index) => {
      expect(circles.areaOverlap).toBeGreaterThan(pictures[index]!.areaOverlap);
      expect(circles.radius).toBeGreaterThan(pictures[index]!.radius);
    });
  });

  it('matches the measured area overlaps of the original within 7 points (0 %, 10 % … 85 %)', () => {
    const measured = [0, 0.1, 0.2, 0.3, 0.55, 0.65, 0.85];
    pictures.forEach((circles, index) => expect(Math.abs(circles.areaOverlap - measured[index]!)).toBeLessThan(0.07));
  });

  it.each(points)('picture %i fits the shared viewBox, with each word inside its own circle', (point) => {
    const c = iosCircles(point);
    expect(c.selfX - c.radius).toBeGreaterThanOrEqual(0);
    expect(c.otherX + c.radius).toBeLessThanOrEqual(IOS_VIEWBOX.width);
    expect(c.y - c.radius).toBeGreaterThanOrEqual(0);
    expect(c.y + c.radius).toBeLessThanOrEqual(IOS_VIEWBOX.height);
    expect(c.selfLabelX).toBeLessThan(c.otherLabelX);
    expect(Math.abs(c.selfLabelX - c.selfX)).toBeLessThan(c.radius / 2 + 1e-9);
    expect(Math.abs(c.otherLabelX - c.otherX)).toBeLessThan(c.radius / 2 + 1e-9);
  });

  it.each([0, 8, 2.5, Number.NaN])('rejects picture %p', (point) => {
    expect(() => iosCircles(point)).toThrow(RangeError);
  });
});

describe('lensShare', () => {
  it.each([
    [1, 0],
    [0, 1],
    [2, 0],
    [-1, 1],
  ])('centres %p diameters apart share %p of a circle', (share, area) => {
    expect(lensShare(share)).toBeCloseTo(area, 12);
  });

  it('is half the circle with centres 0.4040 diameters apart (known value)', () => {
    // Two unit circles share half their area at centre distance d ≈ 0.8079 (= 0.40397 diameters).
    expect(lensShare(0.40397)).toBeCloseTo(0.5, 4);
  });
});
