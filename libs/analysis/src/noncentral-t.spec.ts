import { pnt } from './noncentral-t';
import { expectAbsolute } from './test-support/close';
import { distributionFixtures } from './test-support/fixtures';

describe('pnt (noncentral t CDF) against R pt(x, df, ncp)', () => {
  it.each(distributionFixtures.pt)('pt($x, $df, $ncp)', ({ x, df, ncp, lower, upper }) => {
    expectAbsolute(pnt(x, df, ncp), lower, 'lower tail', 1e-9);
    expectAbsolute(pnt(x, df, ncp, false), upper, 'upper tail', 1e-9);
  });

  it('is the central t when ncp = 0 and follows R at the infinities', () => {
    expect(pnt(Infinity, 5, 1)).toBe(1);
    expect(pnt(-Infinity, 5, 1)).toBe(0);
    expect(pnt(-Infinity, 5, 1, false)).toBe(1);
    expect(pnt(1, -1, 1)).toBeNaN();
  });
});
