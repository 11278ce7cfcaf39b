import { findRoot, RootNotBracketedError } from './roots';

describe('findRoot (Brent)', () => {
  it('finds roots to near machine precision', () => {
    expect(Math.abs(findRoot((x) => x * x - 2, 0, 2) - Math.SQRT2)).toBeLessThan(1e-13);
    expect(Math.abs(findRoot((x) => Math.cos(x) - x, 0, 1) - 0.7390851332151607)).toBeLessThan(1e-13);
    expect(findRoot((x) => x - 3, 3, 5)).toBe(3);
  });

  it('refuses an interval that does not bracket a root', () => {
    expect(() => findRoot((x) => x * x + 1, -1, 1)).toThrow(RootNotBracketedError);
  });
});
