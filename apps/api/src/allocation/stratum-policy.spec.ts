import { findTemplate } from '../studies/study-templates';
import type { StudyDesign } from '../studies/study-design';
import { joinTargetOf, lowestFreeSeat } from '../sessions/join-target';
import { generateSequence } from '../randomisation/allocation-sequence';
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
    expect(
      sessionStratum(
        stratified,
        answers.map((acquainted) => ({ acquainted })),
        {},
      ),
    ).toBe(stratum);
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

describe('site as a stratification factor', () => {
  const members = [{ acquainted: 'strangers' }, { acquainted: 'strangers' }];

  it("leaves the primary site's strata as they were before sites existed", () => {
    expect(sessionStratum(design('phone_topic'), members, {}, null)).toBe('');
    expect(sessionStratum(design('phone_seating'), members, {}, null)).toBe('acquainted=strangers');
  });

  it('gives an unstratified scheme one stratum per other site', () => {
    expect(sessionStratum(design('phone_topic'), members, {}, 'essex')).toBe('site=essex');
    expect(sessionStratum(design('phone_topic'), members, {}, 'konstanz')).toBe('site=konstanz');
  });

  it("joins the site with the design's strata in stratumKey's canonical order", () => {
    expect(sessionStratum(design('phone_seating'), members, {}, 'essex')).toBe('acquainted=strangers|site=essex');
    const observed = design('phone_seating', {
      stratifyBy: ['acquainted', 'table'],
      covariates: [
        ...design('phone_seating').covariates,
        { id: 'table', source: 'observed', label: { en: 't' }, levels: [{ id: 'round', label: { en: 'r' } }] } as never,
      ],
    });
    expect(sessionStratum(observed, members, { table: 'round' }, 'essex')).toBe('acquainted=strangers|site=essex|table=round');
  });

  it('still waits for a missing stratification covariate at a site', () => {
    expect(sessionStratum(design('phone_seating'), [{ acquainted: 'strangers' }, {}], {}, 'essex')).toBeNull();
  });

  it('gives each site its own sequence, valid for the sequence generator', () => {
    const params = {
      seedHex: 'ab'.repeat(32),
      scheme: 'permuted_blocks' as const,
      conditions: [
        { id: 'phone=present', weight: 1 },
        { id: 'phone=absent', weight: 1 },
      ],
      blockMultipliers: [1, 2],
    };
    const essex = generateSequence({ ...params, stratum: 'site=essex' }, 40).map((slot) => slot.conditionId);
    const konstanz = generateSequence({ ...params, stratum: 'site=konstanz' }, 40).map((slot) => slot.conditionId);
    expect(essex).not.toEqual(konstanz);
    expect(essex.filter((id) => id === 'phone=present')).toHaveLength(20);
  });

  it("refuses a covariate that claims the site's key", () => {
    const clash = design('phone_seating', {
      stratifyBy: ['site'],
      covariates: [{ id: 'site', source: 'participant', label: { en: 's' }, levels: [{ id: 'x', label: { en: 'x' } }] } as never],
    });
    expect(() => sessionStratum(clash, [{ site: 'x' }, { site: 'x' }], {}, 'essex')).toThrow(/reserved/);
  });
});

describe('covariate values', () => {
  const d = design('phone_seating');

  it('accepts every participant covariate with a known level', () => {
    expect(checkCovariateValues(d, 'participant', { acquainted: 'strangers' }, true)).toEqual([]);
  });

  it('names the path and code of each problem', () => {
    expect(checkCovariateValues(d, 'participant', { phone_seen: 'yes', extra: 'x' }, true).map((i) => `${i.path}:${i.code}`)).toEqual([
      'values.phone_seen:UNKNOWN_COVARIATE',
      'values.extra:UNKNOWN_COVARIATE',
      'values.acquainted:REQUIRED',
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
    [2, [], 1],
    [2, [1], 2],
    [2, [2], 1],
    [2, [1, 2], null],
    [3, [1, 3], 2],
  ])('size %i with seats %j taken → %s', (size, taken, expected) => {
    expect(lowestFreeSeat(size, taken)).toBe(expected);
  });
});
