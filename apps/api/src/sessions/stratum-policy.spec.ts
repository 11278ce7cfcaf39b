import { findTemplate } from '../studies/study-templates';
import type { StudyDesign } from '../studies/study-design';
import { joinTargetOf, lowestFreeSeat } from './join-target';
import { MIXED } from '../randomisation/design';
import { checkCovariateValues, sessionStratum } from './stratum-policy';

function design(templateId: string, change: Partial<StudyDesign> = {}): StudyDesign {
  const template = findTemplate(templateId);
  if (!template) throw new Error(templateId);
  return { ...template.design, ...change };
}

describe('session stratum', () => {
  const stratified = design('phone_seating');

  it.each([
    [['acquainted', 'acquainted'], 'acquainted=acquainted'],
    [['strangers', 'strangers'], 'acquainted=strangers'],
    [['acquainted', 'strangers'], `acquainted=${MIXED}`],
    [['strangers', 'strangers', 'acquainted'], `acquainted=${MIXED}`],
  ])('members answering %j are in stratum %s', (answers, stratum) => {
    expect(sessionStratum(stratified, answers.map((acquainted) => ({ acquainted })), {})).toBe(stratum);
  });

  it('is the single stratum for unstratified schemes, whatever the members say', () => {
    expect(sessionStratum(design('phone_topic'), [{ acquainted: 'acquainted' }, { acquainted: 'strangers' }], {})).toBe('');
  });

  it('waits (null) for an observed stratification covariate, then uses it', () => {
    const observed = design('phone_seating', { stratifyBy: ['acquainted', 'phone_seen'] });
    const members = [{ acquainted: 'strangers' }, { acquainted: 'strangers' }];
    expect(sessionStratum(observed, members, {})).toBeNull();
    expect(sessionStratum(observed, members, { phone_seen: 'yes' })).toBe('acquainted=strangers|phone_seen=yes');
  });

  it('is null when a member has not answered', () => {
    expect(sessionStratum(stratified, [{ acquainted: 'strangers' }, {}], {})).toBeNull();
  });
});

describe('covariate values', () => {
  const d = design('phone_seating');

  it('accepts every participant covariate with a known level', () => {
    expect(checkCovariateValues(d, 'participant', { acquainted: 'strangers' }, true)).toEqual([]);
  });

  it('names the path and code of each problem', () => {
    expect(checkCovariateValues(d, 'participant', { phone_seen: 'yes', extra: 'x' }, true).map((i) => `${i.path}:${i.code}`)).toEqual([
      'values.phone_seen:UNKNOWN_COVARIATE', 'values.extra:UNKNOWN_COVARIATE', 'values.acquainted:REQUIRED',
    ]);
    expect(checkCovariateValues(d, 'participant', { acquainted: 3 }, true).map((i) => i.code)).toEqual(['UNKNOWN_LEVEL']);
    expect(checkCovariateValues(d, 'observed', {}, false)).toEqual([]);
    expect(checkCovariateValues(d, 'observed', { phone_seen: 'maybe' }, false).map((i) => i.code)).toEqual(['UNKNOWN_LEVEL']);
  });
});

describe('join targets and seats', () => {
  it('needs exactly one target and normalises typed codes', () => {
    expect(joinTargetOf({ sessionCode: ' abc234 ' })).toEqual({ kind: 'session_code', code: 'ABC234' });
    expect(joinTargetOf({ studyCode: 'abcd2345' })).toEqual({ kind: 'study_link', code: 'ABCD2345' });
    expect(joinTargetOf({ seatSecret: 'aseat_x' })).toEqual({ kind: 'seat_link', secret: 'aseat_x' });
    expect(Array.isArray(joinTargetOf({}))).toBe(true);
    expect(Array.isArray(joinTargetOf({ seatSecret: 'a', studyCode: 'b' }))).toBe(true);
  });

  it.each([
    [2, [], 1], [2, [1], 2], [2, [2], 1], [2, [1, 2], null], [3, [1, 3], 2],
  ])('size %i with seats %j taken → %s', (size, taken, expected) => {
    expect(lowestFreeSeat(size, taken)).toBe(expected);
  });
});
