import { attentionCheckResults, manipulationCheckResults } from '../check-results';
import { checkInstrument } from '../check-instrument';
import { defineInstrument } from '../define-instrument';
import { exportColumns } from '../export-columns';
import { identifyingItemIds } from '../item-rules';
import { getInstrument, listInstruments } from '../registry';
import { scoreAnswers } from '../score-answers';
import type { Answers, Instrument, Scores } from '../types';
import { validateAnswers } from '../validate-answers';
import { attentionInstrument } from './attention';
import { batsonEcInstrument } from './batson-ec';
import { checkPhoneInstrument } from './check-phone';
import { checkSeatingInstrument } from './check-seating';
import { closenessCheckInstrument } from './closeness-check';
import { debriefInstrument } from './debrief';
import { closenessSciInstrument } from './closeness-sci';
import { iPanasSfInstrument } from './i-panas-sf';
import { iosInstrument } from './ios';
import { iriEcPtInstrument } from './iri-ec-pt';

// Each row: an instrument, a known valid answer set, and the scores worked out by hand.
const cases: ReadonlyArray<readonly [string, Instrument, Answers, Scores]> = [
  // One item, scored as is.
  ['IOS', iosInstrument, { ios: 5 }, { ios: 5 }],
  // Mean of 2: (6 + 3) / 2 = 4.5
  ['Subjective Closeness Index', closenessSciInstrument, { sci_relative_own: 6, sci_relative_others: 3 }, { sci: 4.5 }],
  // Mean of 4: (7 + 5 + 8 + 4) / 4 = 24 / 4 = 6
  [
    'closeness check, complete',
    closenessCheckInstrument,
    { rcit_close: 7, rcit_similar: 5, rcit_like: 8, rcit_friends: 4 },
    { rcit_closeness: 6 },
  ],
  // 3 of 4 answered meets minAnswered 0.75: (7 + 5 + 9) / 3 = 7
  [
    'closeness check, one missing',
    closenessCheckInstrument,
    { rcit_close: 7, rcit_similar: 5, rcit_like: 9, rcit_friends: null },
    { rcit_closeness: 7 },
  ],
  // EC: 02=4, 04=1 (R → 3), 09=3, 14=0 (R → 4), 18=2 (R → 2), 20=3, 22=4 → 4+3+3+4+2+3+4 = 23
  // PT: 03=1 (R → 3), 08=2, 11=3, 15=4 (R → 0), 21=2, 25=1, 28=3 → 3+2+3+0+2+1+3 = 14
  [
    'IRI EC and PT',
    iriEcPtInstrument,
    {
      iri_02: 4,
      iri_04: 1,
      iri_09: 3,
      iri_14: 0,
      iri_18: 2,
      iri_20: 3,
      iri_22: 4,
      iri_03: 1,
      iri_08: 2,
      iri_11: 3,
      iri_15: 4,
      iri_21: 2,
      iri_25: 1,
      iri_28: 3,
    },
    { iri_ec: 23, iri_pt: 14 },
  ],
  // EC as above without iri_22 (6 of 7 ≥ 6/7): sum 19 over 6 items, prorated 19 × 7 / 6 = 22.1666…
  // PT with two missing (iri_25, iri_28): 5 of 7 < 6/7 → null
  [
    'IRI with missing items',
    iriEcPtInstrument,
    {
      iri_02: 4,
      iri_04: 1,
      iri_09: 3,
      iri_14: 0,
      iri_18: 2,
      iri_20: 3,
      iri_22: null,
      iri_03: 1,
      iri_08: 2,
      iri_11: 3,
      iri_15: 4,
      iri_21: 2,
      iri_25: null,
      iri_28: null,
    },
    { iri_ec: (19 * 7) / 6, iri_pt: null },
  ],
  // Mean of 6: (5 + 4 + 6 + 3 + 5 + 7) / 6 = 30 / 6 = 5
  [
    'Batson empathic concern',
    batsonEcInstrument,
    {
      batson_sympathetic: 5,
      batson_moved: 4,
      batson_compassionate: 6,
      batson_tender: 3,
      batson_warm: 5,
      batson_softhearted: 7,
    },
    { batson_ec: 5 },
  ],
  // PA: alert 4 + inspired 3 + determined 5 + attentive 4 + active 2 = 18
  // NA: upset 1 + hostile 1 + ashamed 2 + nervous 3 + afraid 1 = 8
  [
    'I-PANAS-SF',
    iPanasSfInstrument,
    {
      panas_upset: 1,
      panas_hostile: 1,
      panas_alert: 4,
      panas_ashamed: 2,
      panas_inspired: 3,
      panas_nervous: 3,
      panas_determined: 5,
      panas_attentive: 4,
      panas_afraid: 1,
      panas_active: 2,
    },
    { panas_pa: 18, panas_na: 8 },
  ],
  // Check instruments have no scales: their results come from the check functions below.
  ['phone checks', checkPhoneInstrument, { phone_present: 'yes', phone_object_recalled: 'phone' }, {}],
  ['seating checks', checkSeatingInstrument, { seating_arrangement: 'side_by_side', seating_face_visible: 'no' }, {}],
  ['attention check', attentionInstrument, { attention_instructed: 'strongly_disagree' }, {}],
  // Open answers are optional; the debriefing has no scales.
  ['debriefing', debriefInstrument, { debrief_purpose: 'Phones and friendship?', debrief_noticed: 'yes', debrief_comments: null }, {}],
];

describe.each(cases)('%s', (_name, instrument, answers, scores) => {
  it('accepts the answer set and scores it as worked by hand', () => {
    // Shipped items are required: a set with gaps is a partial save (autosave, dropout).
    const partial = Object.values(answers).includes(null);
    expect(validateAnswers(instrument, answers, { partial })).toEqual([]);
    expect(scoreAnswers(instrument, answers)).toEqual(scores);
  });
});

describe('shipped check instruments', () => {
  it('phone: expected answers per level', () => {
    const answers = { phone_present: 'yes', phone_object_recalled: 'notebook' };
    expect(manipulationCheckResults(checkPhoneInstrument, answers, { phone: 'present' })).toEqual({
      phone_present: true,
      phone_object_recalled: false,
    });
    expect(manipulationCheckResults(checkPhoneInstrument, answers, { phone: 'absent' })).toEqual({
      phone_present: false,
      phone_object_recalled: true,
    });
  });

  it('seating: expected answers per level', () => {
    const answers = { seating_arrangement: 'face_to_face', seating_face_visible: 'yes' };
    expect(manipulationCheckResults(checkSeatingInstrument, answers, { seating: 'face_to_face' })).toEqual({
      seating_arrangement: true,
      seating_face_visible: true,
    });
  });

  it('attention: a wrong answer fails without being invalid', () => {
    const answers = { attention_instructed: 'agree' };
    expect(validateAnswers(attentionInstrument, answers)).toEqual([]);
    expect(attentionCheckResults(attentionInstrument, answers)).toEqual({ attention_instructed: false });
  });
});

describe('the registry of shipped instruments', () => {
  const expected = [
    'ios@1',
    'closeness_sci@1',
    'closeness_check@1',
    'iri_ec_pt@1',
    'batson_ec@1',
    'i_panas_sf@1',
    'check_phone@1',
    'check_seating@1',
    'attention@1',
    'check_phone@2',
    'check_seating@2',
    'partner_responsiveness@1',
    'trust@1',
    'conversation_process@1',
    'ios@2',
    'closeness_sci@2',
    'batson_ec@2',
    'iri_ec_pt@2',
    'debrief@1',
  ];
  it('lists every shipped instrument once', () => {
    expect(listInstruments().map((i) => `${i.id}@${i.version}`)).toEqual(expected);
  });

  it('gets by id and version', () => {
    expect(getInstrument('iri_ec_pt', 1)).toBe(iriEcPtInstrument);
    expect(getInstrument('iri_ec_pt', 3)).toBeUndefined();
    expect(getInstrument('nope', 1)).toBeUndefined();
  });

  it.each(listInstruments().map((i) => [i.id, i] as const))(
    '%s: passes defineInstrument, declares English, cites a source and a licence',
    (_id, instrument) => {
      expect(checkInstrument(instrument)).toEqual([]);
      expect(defineInstrument(instrument)).toEqual(instrument);
      expect(instrument.languages).toContain('en');
      expect(instrument.citation.length).toBeGreaterThan(20);
      expect(instrument.licence.length).toBeGreaterThan(10);
    },
  );

  it('ships the instrument contents the domain notes list', () => {
    const iri = iriEcPtInstrument.items.filter((item) => item.kind === 'likert');
    expect(iri).toHaveLength(14);
    expect(iri.filter((item) => item.reverse).map((item) => item.id)).toEqual(['iri_03', 'iri_04', 'iri_14', 'iri_15', 'iri_18']);
    expect(iri.every((item) => item.min === 0 && item.points === 5)).toBe(true);
    expect(closenessCheckInstrument.items.every((item) => item.kind === 'likert' && item.points === 9)).toBe(true);
    expect(closenessSciInstrument.items.every((item) => item.kind === 'likert' && item.points === 7)).toBe(true);
    expect(iPanasSfInstrument.items.filter((item) => item.kind === 'likert')).toHaveLength(10);
    expect(batsonEcInstrument.items.filter((item) => item.kind === 'likert')).toHaveLength(6);
  });
});

describe('translations end to end (German)', () => {
  it.each([iosInstrument, closenessSciInstrument, closenessCheckInstrument].map((i) => [i.id, i] as const))(
    '%s: declares de, and the codebook comes out in German',
    (_id, instrument) => {
      expect(instrument.languages).toEqual(['en', 'de']);
      const english = exportColumns(instrument, { language: 'en' });
      const german = exportColumns(instrument, { language: 'de' });
      expect(german.map((c) => c.name)).toEqual(english.map((c) => c.name));
      german.forEach((column, index) => expect(column.label).not.toBe(english[index]?.label));
    },
  );

  it('IOS: German prompt and picture labels', () => {
    const [column] = exportColumns(iosInstrument, { language: 'de' });
    expect(column?.label).toMatch(/^Welches Bild beschreibt Ihre Beziehung/);
    expect(column?.values[0]).toEqual({ value: 1, label: 'Keine Überschneidung' });
  });
});

describe('identifying free text', () => {
  it('names only the text items flagged identifying, across every shipped instrument', () => {
    const flagged = listInstruments().flatMap((instrument) =>
      identifyingItemIds(instrument).map((id) => `${instrument.id}@${instrument.version}:${id}`),
    );
    expect(flagged).toEqual(['debrief@1:debrief_comments']);
  });

  it('a definition with a non-boolean identifying flag is refused', () => {
    const bad = { ...debriefInstrument, items: [{ kind: 'text', id: 'x', text: { en: 'X' }, maxLength: 5, identifying: 'yes' }] };
    expect(checkInstrument(bad).map((problem) => problem.path)).toContain('items[0].identifying');
  });
});
