import { exportColumns } from '../export-columns';
import { getInstrument } from '../registry';
import { scoreAnswers } from '../score-answers';
import type { Answers, Instrument, Scores } from '../types';
import { validateAnswers } from '../validate-answers';
import { checkPhoneV2Instrument } from './check-phone-v2';
import { checkSeatingV2Instrument } from './check-seating-v2';
import { conversationProcessInstrument } from './conversation-process';
import { partnerResponsivenessInstrument } from './partner-responsiveness';
import { trustInstrument } from './trust';

const pprs = (values: readonly (number | null)[]): Answers =>
  Object.fromEntries(
    ['listened', 'responsive', 'facts', 'understood', 'wavelength', 'liking', 'interested', 'valued'].map((id, index) => [
      `pprs_${id}`,
      values[index] ?? null,
    ]),
  );

// Each row: an instrument, a known answer set, and the scores worked out by hand.
const cases: ReadonlyArray<readonly [string, Instrument, Answers, Scores]> = [
  // Mean of 8: (9 + 7 + 5 + 8 + 6 + 7 + 9 + 5) / 8 = 56 / 8 = 7
  ['partner responsiveness', partnerResponsivenessInstrument, pprs([9, 7, 5, 8, 6, 7, 9, 5]), { pprs: 7 }],
  // 6 of 8 answered meets 0.75: (9 + 7 + 5 + 8 + 6 + 7) / 6 = 42 / 6 = 7
  ['partner responsiveness, two missing', partnerResponsivenessInstrument, pprs([9, 7, 5, 8, 6, 7]), { pprs: 7 }],
  // 5 of 8 answered is below 0.75 → null
  ['partner responsiveness, three missing', partnerResponsivenessInstrument, pprs([9, 7, 5, 8, 6]), { pprs: null }],
  // honest 6, confide 5, promise 7, guarded 2 (R → 1 + 7 − 2 = 6): (6 + 5 + 7 + 6) / 4 = 6
  ['trust', trustInstrument, { trust_honest: 6, trust_confide: 5, trust_promise: 7, trust_guarded: 2 }, { trust: 6 }],
  // The process items have no composite.
  [
    'conversation process',
    conversationProcessInstrument,
    { process_talk_share: 42.5, process_questions_asked: 7, process_questions_received: 0, process_listened: 6 },
    {},
  ],
];

describe.each(cases)('%s', (_name, instrument, answers, scores) => {
  it('accepts the answer set and scores it as worked by hand', () => {
    const partial = Object.values(answers).includes(null);
    expect(validateAnswers(instrument, answers, { partial })).toEqual([]);
    expect(scoreAnswers(instrument, answers)).toEqual(scores);
  });
});

describe('conversation process: the items test the advice', () => {
  it.each([
    [{ process_talk_share: 101 }, 'process_talk_share', 'OUT_OF_RANGE'],
    [{ process_questions_asked: 2.5 }, 'process_questions_asked', 'NOT_AN_INTEGER'],
    [{ process_questions_received: -1 }, 'process_questions_received', 'OUT_OF_RANGE'],
    [{ process_listened: 8 }, 'process_listened', 'OUT_OF_RANGE'],
  ])('%p is refused', (answers, itemId, code) => {
    expect(validateAnswers(conversationProcessInstrument, answers, { partial: true })).toEqual([{ itemId, code }]);
  });

  it('cites the question-asking rationale and calls the 80/20 rule untested', () => {
    expect(conversationProcessInstrument.citation).toContain('Huang, K., Yeomans, M., Brooks, A. W., Minson, J., & Gino, F. (2017)');
    expect(conversationProcessInstrument.citation).toMatch(/80\/20.*untested/);
  });
});

const translated = [
  checkPhoneV2Instrument,
  checkSeatingV2Instrument,
  partnerResponsivenessInstrument,
  trustInstrument,
  conversationProcessInstrument,
];

describe('new instruments in English and German', () => {
  it.each(translated.map((instrument) => [`${instrument.id}@${instrument.version}`, instrument] as const))(
    '%s: registered, declares en and de, and the codebook comes out in German',
    (_name, instrument) => {
      expect(getInstrument(instrument.id, instrument.version)).toBe(instrument);
      expect(instrument.languages).toEqual(['en', 'de']);
      const english = exportColumns(instrument, { language: 'en' });
      const german = exportColumns(instrument, { language: 'de' });
      expect(german.map((column) => column.name)).toEqual(english.map((column) => column.name));
      german.forEach((column, index) => expect(column.label).not.toBe(english[index]?.label));
    },
  );

  it('trust: one reverse-keyed item', () => {
    const reversed = trustInstrument.items.filter((item) => item.kind === 'likert' && item.reverse === true);
    expect(reversed.map((item) => item.id)).toEqual(['trust_guarded']);
  });
});
