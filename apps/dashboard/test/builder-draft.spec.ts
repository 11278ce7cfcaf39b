import { conditionIds } from '@/lib/builder/conditions';
import {
  addCovariate,
  addFactor,
  addLanguage,
  addLevel,
  blankDesign,
  forSaving,
  freshId,
  moveAt,
  removeCovariate,
  removeFactor,
  removeLanguage,
  setCovariate,
  setLevel,
  setText,
} from '@/lib/builder/draft';
import { conflictSentence, saveMessage } from '@/lib/builder/outcomes';
import { detectableEffect, powerAt } from '@/lib/builder/power';
import { phoneSeating } from './builder-fixture';

describe('draft edits', () => {
  it('conditions are the full factorial in declared order, as the API derives them', () => {
    expect(conditionIds(phoneSeating().factors)).toEqual([
      'phone=present|seating=face_to_face',
      'phone=present|seating=side_by_side',
      'phone=absent|seating=face_to_face',
      'phone=absent|seating=side_by_side',
    ]);
  });

  it('renaming a level drops the weights of conditions that no longer exist', () => {
    const design = {
      ...phoneSeating(),
      conditionWeights: { 'phone=present|seating=face_to_face': 2, 'phone=absent|seating=face_to_face': 3 },
    };
    const level = design.factors[0]?.levels[0];
    if (!level) throw new Error('fixture');
    const renamed = setLevel(design, 0, 0, { ...level, id: 'on_desk' });
    expect(renamed.conditionWeights).toEqual({ 'phone=absent|seating=face_to_face': 3 });
    expect(design.factors[0]?.levels[0]?.id).toBe('present');
  });

  it('adds factors and levels with fresh ids, removes them with their weights', () => {
    const added = addLevel(addFactor(phoneSeating()), 2);
    expect(added.factors[2]?.id).toBe('factor_3');
    expect(added.factors[2]?.levels.map((level) => level.id)).toEqual(['level_1', 'level_2', 'level_3']);
    expect(conditionIds(added.factors)).toHaveLength(12);
    const weighted = { ...added, conditionWeights: { [conditionIds(added.factors)[0] ?? '']: 2 } };
    expect(removeFactor(weighted, 2).conditionWeights).toEqual({});
    expect(freshId('level', ['level_1', 'level_3'])).toBe('level_4');
  });

  it('adding a language is idempotent; removing one drops its texts everywhere', () => {
    const de = addLanguage(addLanguage(phoneSeating(), 'de'), ' de ');
    expect(de.languages).toEqual(['en', 'de']);
    const back = removeLanguage(de, 'de');
    expect(back.languages).toEqual(['en']);
    expect(back.factors[1]?.levels[0]?.instructions).toEqual({ en: 'Sit facing each other.' });
    expect(removeLanguage(back, 'en').languages).toEqual(['en']);
  });

  it('renaming or removing a covariate keeps the stratification consistent', () => {
    const design = phoneSeating();
    const covariate = design.covariates[0];
    if (!covariate) throw new Error('fixture');
    expect(setCovariate(design, 0, { ...covariate, id: 'knew' }).stratifyBy).toEqual(['knew']);
    expect(removeCovariate(design, 0).stratifyBy).toEqual([]);
    expect(addCovariate(design, 'participant').covariates[2]).toMatchObject({ id: 'covariate_3', source: 'participant', question: {} });
  });

  it('a text emptied in every language is dropped, so launch does not ask for its translations', () => {
    expect(setText(undefined, 'en', 'Sit down')).toEqual({ en: 'Sit down' });
    expect(setText({ en: 'Sit down', de: 'Setzen' }, 'en', '')).toEqual({ en: '', de: 'Setzen' });
    expect(setText({ en: 'S' }, 'en', ' ')).toBeUndefined();
  });

  it('moves list entries within bounds', () => {
    expect(moveAt(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveAt(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('a blank design saves without a completion code rather than with an empty one', () => {
    const blank = blankDesign();
    expect(forSaving(blank).completion).toEqual({ kind: 'code' });
    expect(forSaving({ ...blank, completion: { kind: 'redirect', url: '' } }).completion).toEqual({ kind: 'redirect' });
    expect(forSaving({ ...blank, completion: { kind: 'code', code: 'X1' } }).completion).toEqual({ kind: 'code', code: 'X1' });
  });
});

describe('conflict message and power read-off', () => {
  it('names who changed what and when', () => {
    expect(
      conflictSentence({
        revision: 7,
        changedBy: 'ana@lab.org',
        changedAt: '2026-12-03T14:03:09.000Z',
        parts: ['design.conversation', 'title'],
      }),
    ).toBe(
      'ana@lab.org changed the conversation and the title at 14:03 UTC on 2026-12-03, after the version you were editing (now version 7).',
    );
    expect(conflictSentence({ revision: 2, changedBy: null, changedAt: null, parts: [] })).toBe(
      'Someone changed this draft, after the version you were editing (now version 2).',
    );
  });

  it('says why a save did not happen, and nothing when it did', () => {
    expect(saveMessage({ kind: 'saved', revision: 3, problems: [] })).toBeNull();
    expect(saveMessage({ kind: 'invalid', problems: [] })).toBe('the marked fields have a format the API refuses');
    expect(saveMessage({ kind: 'launched' })).toBe('the study has been launched; amend it instead');
    expect(saveMessage({ kind: 'error', message: 'Bad gateway (reference r1)' })).toBe('Bad gateway (reference r1)');
  });

  it('reads the power at the target off the API curve, "at least" between its points', () => {
    const curve = [
      { n: 5, power: 0.1 },
      { n: 10, power: 0.2 },
      { n: 15, power: 0.3 },
    ];
    expect(powerAt(curve, 10)).toEqual({ power: 0.2, atLeast: false });
    expect(powerAt(curve, 12)).toEqual({ power: 0.2, atLeast: true });
    expect(powerAt(curve, 40)).toEqual({ power: 0.3, atLeast: true });
    expect(powerAt(curve, 3)).toBeNull();
  });
});

describe('detectable effect by bisection over the API answer', () => {
  // A stand-in for the API: sessions needed fall as d grows (here n = ceil(16 / d²), the textbook rule of thumb).
  const ruleOfThumb = async (d: number) => Math.ceil(16 / (d * d));

  it('finds the smallest d the target detects, to two decimals', async () => {
    const d = await detectableEffect(30, ruleOfThumb);
    expect(d).toBe(0.74);
    expect(await ruleOfThumb(d ?? 0)).toBeLessThanOrEqual(30);
    expect(await ruleOfThumb((d ?? 0) - 0.01)).toBeGreaterThan(30);
  });

  it('says when even the largest d needs more, or the smallest already fits', async () => {
    expect(await detectableEffect(0, ruleOfThumb)).toBeNull();
    expect(await detectableEffect(100_000, ruleOfThumb)).toBe(0.05);
    expect(await detectableEffect(30, async () => null)).toBeNull();
  });
});
