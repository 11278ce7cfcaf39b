import { exportColumns } from '../export-columns';
import { scoreAnswers } from '../score-answers';
import type { Instrument } from '../types';
import { batsonEcInstrument } from './batson-ec';
import { batsonEcV2Instrument } from './batson-ec-v2';
import { closenessSciInstrument } from './closeness-sci';
import { closenessSciV2Instrument } from './closeness-sci-v2';
import { iosInstrument } from './ios';
import { iosV2Instrument } from './ios-v2';
import { iriEcPtInstrument } from './iri-ec-pt';
import { iriEcPtV2Instrument } from './iri-ec-pt-v2';

// Second versions that correct a citation keep the measurement itself: same item ids, same
// English wording, same scoring.
const corrected: ReadonlyArray<readonly [string, Instrument, Instrument, RegExp]> = [
  [
    'closeness_sci',
    closenessSciInstrument,
    closenessSciV2Instrument,
    /^Subjective Closeness Index: Berscheid, E\., Snyder, M\., & Omoto, A\. M\. \(1989\)/,
  ],
  [
    'batson_ec',
    batsonEcInstrument,
    batsonEcV2Instrument,
    /^Batson, C\. D\., Fultz, J\., & Schoenrade, P\. A\. \(1987\).*Coke, J\. S\., Batson, C\. D\., & McDavis, K\. \(1978\)/,
  ],
  ['iri_ec_pt', iriEcPtInstrument, iriEcPtV2Instrument, /Davis, M\. H\. \(1983\)\. Measuring individual differences in empathy/],
];

describe.each(corrected)('%s v2: corrected citation, same measurement', (_id, v1, v2, citation) => {
  it('is version 2 of the same id and cites the primary source', () => {
    expect([v2.id, v2.version]).toEqual([v1.id, 2]);
    expect(v2.citation).toMatch(citation);
    expect(v2.citation).not.toBe(v1.citation);
  });

  it('keeps the items, their English wording and the scales', () => {
    expect(v2.items.map((item) => [item.id, item.kind, item.text.en])).toEqual(v1.items.map((item) => [item.id, item.kind, item.text.en]));
    expect(v2.scales.map((scale) => [scale.id, scale.items, scale.method, scale.minAnswered])).toEqual(
      v1.scales.map((scale) => [scale.id, scale.items, scale.method, scale.minAnswered]),
    );
    expect(exportColumns(v2).map((column) => [column.name, column.min, column.max, column.reverse])).toEqual(
      exportColumns(v1).map((column) => [column.name, column.min, column.max, column.reverse]),
    );
  });
});

describe('ios v2: the original pictures, no verbal labels', () => {
  const [item] = iosV2Instrument.items;
  if (item?.kind !== 'ios') throw new Error('ios v2 has no ios item');

  it('shows no overlap descriptions: accessible picture names only, translated', () => {
    expect(item.pointLabels).toBeUndefined();
    expect(item.pictureLabels?.map((label) => label.en)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `Picture ${n} of 7`));
    expect(item.pictureLabels?.[2]?.de).toBe('Bild 3 von 7');
    expect([item.selfLabel.de, item.otherLabel.de]).toEqual(['Ich', 'Andere Person']);
  });

  it('labels the codebook with the scoring key, never with the picture names', () => {
    const [column] = exportColumns(iosV2Instrument);
    expect(column?.values[0]).toEqual({ value: 1, label: '1 (no overlap)' });
    expect(column?.values[6]).toEqual({ value: 7, label: '7 (most overlap)' });
    expect(exportColumns(iosV2Instrument, { language: 'de' })[0]?.values[0]?.label).toBe('1 (keine Überschneidung)');
  });

  it('scores like v1', () => {
    expect(scoreAnswers(iosV2Instrument, { ios: 6 })).toEqual(scoreAnswers(iosInstrument, { ios: 6 }));
  });
});
