import { expectedCheckAnswer, manipulationCheckResults, manipulationProbes } from '../check-results';
import type { Instrument, ManipulationCheckItem } from '../types';
import { checkPhoneInstrument } from './check-phone';
import { checkPhoneV2Instrument } from './check-phone-v2';
import { checkSeatingInstrument } from './check-seating';
import { checkSeatingV2Instrument } from './check-seating-v2';

function checkItem(instrument: Instrument, id: string): ManipulationCheckItem {
  const item = instrument.items.find((entry) => entry.id === id);
  if (item?.kind !== 'manipulation-check') throw new Error(`no check ${id}`);
  return item;
}

/** Every (setting, answer) pair: passes exactly when the answer is the right one for the setting. */
function everyPair(right: Readonly<Record<string, string>>, answers: readonly string[]) {
  return Object.entries(right).flatMap(([setting, expected]) => answers.map((answer) => [setting, answer, answer === expected] as const));
}

describe('check_phone v2: keyed by what lay on the table (probe table_object)', () => {
  it.each(everyPair({ phone: 'yes', notebook: 'no', nothing: 'no' }, ['yes', 'no', 'not_sure']))(
    'table_phone: table_object = %s, answer %s → %p',
    (setting, answer, passed) => {
      const results = manipulationCheckResults(checkPhoneV2Instrument, { table_phone: answer }, {}, { table_object: setting });
      expect(results).toEqual({ table_phone: passed, table_object: null });
    },
  );

  it.each(everyPair({ phone: 'phone', notebook: 'notebook', nothing: 'nothing' }, ['phone', 'notebook', 'nothing', 'not_sure']))(
    'table_object: table_object = %s, answer %s → %p',
    (setting, answer, passed) => {
      const results = manipulationCheckResults(checkPhoneV2Instrument, { table_object: answer }, {}, { table_object: setting });
      expect(results).toEqual({ table_phone: null, table_object: passed });
    },
  );

  it.each([
    ['no setting for the probe', {}],
    ['a setting the item has no answer for', { table_object: 'laptop' }],
    ['a setting called constructor', { table_object: 'constructor' }],
    ['only the level names (v1 style)', { phone: 'present' }],
  ])('gives null with %s', (_what, settings) => {
    const answers = { table_phone: 'yes', table_object: 'phone' };
    expect(manipulationCheckResults(checkPhoneV2Instrument, answers, { phone: 'present' }, settings)).toEqual({
      table_phone: null,
      table_object: null,
    });
  });

  it('gives null for unanswered and invalid answers', () => {
    const answers = { table_phone: null, table_object: 'a phone' };
    expect(manipulationCheckResults(checkPhoneV2Instrument, answers, {}, { table_object: 'phone' })).toEqual({
      table_phone: null,
      table_object: null,
    });
  });
});

describe('check_seating v2: keyed by the seating set-up (probe seating)', () => {
  it.each(everyPair({ face_to_face: 'face_to_face', side_by_side: 'side_by_side' }, ['face_to_face', 'side_by_side', 'other', 'not_sure']))(
    'seating_arrangement: seating = %s, answer %s → %p',
    (setting, answer, passed) => {
      const results = manipulationCheckResults(checkSeatingV2Instrument, { seating_arrangement: answer }, {}, { seating: setting });
      expect(results).toEqual({ seating_arrangement: passed, seating_face_visible: null });
    },
  );

  it.each(everyPair({ face_to_face: 'yes', side_by_side: 'no' }, ['yes', 'no', 'not_sure']))(
    'seating_face_visible: seating = %s, answer %s → %p',
    (setting, answer, passed) => {
      const results = manipulationCheckResults(checkSeatingV2Instrument, { seating_face_visible: answer }, {}, { seating: setting });
      expect(results).toEqual({ seating_arrangement: null, seating_face_visible: passed });
    },
  );
});

describe('expectedCheckAnswer and manipulationProbes (design validation at launch)', () => {
  it.each([
    ['table_phone', 'phone', 'yes'],
    ['table_phone', 'nothing', 'no'],
    ['table_phone', 'laptop', undefined],
    ['table_object', 'notebook', 'notebook'],
    // Identity mapping, but the setting must be an option: not_sure is one, yet no set-up is "not sure".
    ['table_object', 'laptop', undefined],
    ['table_object', 'toString', undefined],
  ])('check_phone v2 %s, setting %s → %p', (id, setting, expected) => {
    expect(expectedCheckAnswer(checkItem(checkPhoneV2Instrument, id), setting)).toBe(expected);
  });

  it('reads a v1 factor item by level code', () => {
    const item = checkItem(checkPhoneInstrument, 'phone_present');
    expect(expectedCheckAnswer(item, 'present')).toBe('yes');
    expect(expectedCheckAnswer(item, 'notebook')).toBeUndefined();
  });

  it('lists the distinct probes', () => {
    expect(manipulationProbes(checkPhoneV2Instrument)).toEqual(['table_object']);
    expect(manipulationProbes(checkSeatingV2Instrument)).toEqual(['seating']);
    expect(manipulationProbes(checkPhoneInstrument)).toEqual([]);
  });
});

describe('v1 checks are unchanged: keyed by level names, settings ignored', () => {
  it.each([
    [{ phone: 'present' }, { phone_present: true, phone_object_recalled: false }],
    [{ phone: 'absent' }, { phone_present: false, phone_object_recalled: true }],
    [{ phone: 'notebook' }, { phone_present: null, phone_object_recalled: null }],
  ])('phone levels %p → %p', (levels, expected) => {
    const answers = { phone_present: 'yes', phone_object_recalled: 'notebook' };
    expect(manipulationCheckResults(checkPhoneInstrument, answers, levels, { table_object: 'phone' })).toEqual(expected);
  });

  it('seating v1 by level', () => {
    const answers = { seating_arrangement: 'side_by_side', seating_face_visible: 'yes' };
    expect(manipulationCheckResults(checkSeatingInstrument, answers, { seating: 'side_by_side' })).toEqual({
      seating_arrangement: true,
      seating_face_visible: false,
    });
  });
});
