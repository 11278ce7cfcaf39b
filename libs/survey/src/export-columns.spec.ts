import { exportColumns } from './export-columns';
import { exportRow } from './export-row';
import { listInstruments } from './registry';
import { sampler, samplerAnswers } from './test-support/sampler';

describe('exportColumns', () => {
  const columns = exportColumns(sampler);
  const byName = new Map(columns.map((column) => [column.name, column]));

  it('lists answerable items in order, multi-choice as one 0/1 column per option, then scales', () => {
    expect(columns.map((column) => column.name)).toEqual([
      'mood',
      'calm',
      'overlap',
      'warmth',
      'topic',
      'devices__phone',
      'devices__laptop',
      'devices__watch',
      'age',
      'hours',
      'comment',
      'attn',
      'phone_seen',
      'affect_score',
      'affect_sum_score',
    ]);
  });

  it('describes type, allowed values, reverse flag and scale membership', () => {
    expect(byName.get('calm')).toMatchObject({
      type: 'integer',
      min: 1,
      max: 5,
      reverse: true,
      scales: ['affect', 'affect_sum'],
      values: [
        { value: 1, label: 'Not at all' },
        { value: 2, label: null },
        { value: 3, label: null },
        { value: 4, label: null },
        { value: 5, label: 'Very' },
      ],
    });
    expect(byName.get('mood')?.values[2]).toEqual({ value: 3, label: 'So-so' });
    expect(byName.get('overlap')).toMatchObject({ type: 'integer', min: 1, max: 7, reverse: false, scales: [] });
    expect(byName.get('warmth')).toMatchObject({ type: 'number', min: 0, max: 100, values: [] });
    expect(byName.get('age')).toMatchObject({ type: 'integer', min: 18, max: 99 });
    expect(byName.get('hours')).toMatchObject({ type: 'number' });
    expect(byName.get('topic')).toMatchObject({
      type: 'text',
      values: [
        { value: 'casual', label: 'Casual' },
        { value: 'meaningful', label: 'Meaningful' },
      ],
    });
    expect(byName.get('devices__laptop')).toMatchObject({
      source: 'option',
      itemId: 'devices',
      option: 'laptop',
      type: 'boolean',
      label: 'Devices seen: Laptop',
    });
    expect(byName.get('comment')).toMatchObject({ type: 'text', values: [] });
    expect(byName.get('affect_score')).toMatchObject({ source: 'scale', scaleId: 'affect', type: 'number', label: 'Affect' });
  });

  it('labels in the requested language', () => {
    expect(exportColumns(sampler, { language: 'de' })[0]?.label).toBe('Mood (de)');
  });

  it('gives unique column names for every shipped instrument', () => {
    for (const instrument of listInstruments()) {
      const names = exportColumns(instrument).map((column) => column.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe('exportRow', () => {
  it('aligns with exportColumns', () => {
    // calm 2 → reverse 4; affect mean (4 + 4) / 2 = 4, sum 8
    expect(exportRow(sampler, samplerAnswers)).toEqual([
      4,
      2,
      5,
      62.5,
      'meaningful',
      1,
      0,
      0,
      34,
      7.5,
      'fine',
      'strongly_disagree',
      'yes',
      4,
      8,
    ]);
    expect(exportRow(sampler, samplerAnswers)).toHaveLength(exportColumns(sampler).length);
  });

  it('leaves unanswered and invalid answers empty', () => {
    const row = exportRow(sampler, { mood: 9, devices: ['tablet'] });
    expect(row.every((cell) => cell === null)).toBe(true);
  });
});
