import { conditionLabel, formatNumber, formatP, formatPercent, formatWithCi } from '@/lib/results/format';

describe('numbers as researchers read them', () => {
  it.each([
    [1.234, '1.23'], [-1.235, '\u22121.24'], [-0.001, '0.00'], [0, '0.00'], [12, '12.00'], [null, '—'], [Number.NaN, '—'],
  ] as const)('formatNumber(%s) = %s', (value, expected) => expect(formatNumber(value)).toBe(expected));

  it.each([
    [0.0004, '< .001'], [0.001, '.001'], [0.0415, '.042'], [0.5, '.500'], [0.9999, '1.000'], [null, '—'],
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
