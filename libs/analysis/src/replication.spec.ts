// Outcome labels after LeBel, Vanpaemel, Cheung & Campbell (2019), table-driven.
import { replicationLabel } from './replication';

describe('replicationLabel', () => {
  it.each([
    [0.5, 0.2, 0.8, 'signal – consistent', 'CI excludes 0, includes the original'],
    [0.5, 0.05, 0.3, 'signal – inconsistent (smaller)', 'same direction, below the original'],
    [0.5, 0.7, 1.2, 'signal – inconsistent (larger)', 'same direction, above the original'],
    [0.5, -0.6, -0.1, 'signal – inconsistent (opposite)', 'excludes 0 on the other side'],
    [0.5, -0.1, 0.9, 'no signal – consistent', 'includes both 0 and the original'],
    [0.5, -0.2, 0.3, 'no signal – inconsistent', 'includes 0, excludes the original'],
    [-0.5, -0.3, -0.1, 'signal – inconsistent (smaller)', 'negative original: closer to 0 is smaller'],
    [-0.5, 0.1, 0.4, 'signal – inconsistent (opposite)', 'negative original, positive replication'],
    [-0.5, -0.9, -0.2, 'signal – consistent', 'negative original, consistent'],
    [0.5, 0.5, 0.9, 'signal – consistent', 'a limit equal to the original counts as including it'],
  ])('original %s, CI [%s, %s] → %s (%s)', (original, low, high, label) => {
    expect(replicationLabel({ original, ci: { low, high } }).label).toBe(label);
  });

  it('reports the parts of the label separately', () => {
    expect(replicationLabel({ original: 0.5, ci: { low: 0.05, high: 0.3 } })).toEqual({
      signal: true,
      consistent: false,
      direction: 'smaller',
      label: 'signal – inconsistent (smaller)',
    });
    expect(replicationLabel({ original: 0.5, ci: { low: 0.1, high: 0.9 } }).direction).toBeNull();
  });
});
