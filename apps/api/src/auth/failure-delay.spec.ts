import { failureDelayMs } from './auth.service';

describe('failureDelayMs', () => {
  it('is 0 for an address without failures, then doubles from 250 ms to at most 4 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(failureDelayMs)).toEqual([0, 250, 500, 1000, 2000, 4000, 4000, 4000]);
  });
});
