import { conditionLabel, formatNumber, formatP, formatPercent, formatWithCi } from '@/lib/results/format';

describe('numbers as researchers read them', () => {
  it.each([
    [1.234, '1.23'],
    [-1.235, '\u22121.24'],
    [-0.001, '0.00'],
    [0, '0.00'],
    [12, '12.00'],
    [null, '—'],
    [Number.NaN, '—'],
  ] as const)('formatNumber(%s) = %s', (value, expected) => expect(formatNumber(value)).toBe(expected));

  it.each([
    [0.0004, '< .001'],
    [0.001, '.001'],
    [0.0415, '.042'],
    [0.5, '.500'],
    [0.9999, '1.000'],
    [null, '—'],
  ] as const)('formatP(%s) = %s', (value, expected) => expect(formatP(value)).toBe(expected));

  it('puts a CI in brackets and keeps minus signs', () => {
    expect(formatWithCi(0.42, 0.051, 0.789)).toBe('0.42 [0.05, 0.79]');
    expect(formatWithCi(-0.2, -0.9, 0.5)).toBe('\u22120.20 [\u22120.90, 0.50]');
    expect(formatWithCi(null, null, null)).toBe('—');
  });

  it('shows shares and conditions for people', () => {
    expect(formatPercent(0.875)).toBe('88 %');
    expect(conditionLabel('phone=present|topic=casual')).toBe('present × casual');
  });
});

import { interactionPoints, prePostPoints } from '@/lib/results/chart-data';

describe('chart data from cell means', () => {
  const cell = (levels: Record<string, string>, mean: number) => ({
    conditionId: Object.entries(levels)
      .map(([f, l]) => `${f}=${l}`)
      .join('|'),
    levels,
    mean,
    ciLow: mean - 1,
    ciHigh: mean + 2,
  });
  it('draws one line per level of the second factor, with asymmetric CI bars as distances', () => {
    const factors = [
      { id: 'phone', levels: ['present', 'absent'] },
      { id: 'topic', levels: ['casual', 'deep'] },
    ];
    const cells = [
      cell({ phone: 'present', topic: 'casual' }, 3),
      cell({ phone: 'absent', topic: 'casual' }, 4),
      cell({ phone: 'present', topic: 'deep' }, 5),
    ];
    const { points, series } = interactionPoints(cells, factors);
    expect(series).toEqual(['casual', 'deep']);
    expect(points).toEqual([
      { x: 'present', casual: 3, casual_ci: [1, 2], deep: 5, deep_ci: [1, 2] },
      { x: 'absent', casual: 4, casual_ci: [1, 2], deep: null, deep_ci: null },
    ]);
  });
  it('shows before and after per level for one factor', () => {
    const factor = { id: 'phone', levels: ['present', 'absent'] };
    const { points, series } = prePostPoints(
      [cell({ phone: 'present' }, 2)],
      [cell({ phone: 'present' }, 3), cell({ phone: 'absent' }, 4)],
      factor,
    );
    expect(series).toEqual(['before', 'after']);
    expect(points[0]).toMatchObject({ x: 'present', before: 2, after: 3 });
    expect(points[1]).toMatchObject({ x: 'absent', before: null, after: 4 });
  });
});
