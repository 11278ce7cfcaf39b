import { editorFieldPaths } from '@/lib/builder/field-paths';
import { fieldFor, fieldHref, fieldId, parentPath, placeProblems } from '@/lib/builder/paths';
import { phoneSeating } from './builder-fixture';

describe('problem paths → editor fields', () => {
  const design = { ...phoneSeating(), languages: ['en', 'de'] };
  const known = editorFieldPaths(design);

  it.each([
    ['design.factors[0].levels[1].instructions.de', 'design.factors[0].levels[1].instructions.de'],
    ['design.consent.text.de', 'design.consent.text.de'],
    ['design.instruments.post[0]', 'design.instruments.post[0]'],
    ['design.stratifyBy', 'design.stratifyBy'],
    ['design.stratifyBy[0]', 'design.stratifyBy'],
    ['design.completion.code', 'design.completion.code'],
    ['design.conditionWeights.phone=present|seating=face_to_face', 'design.conditionWeights.phone=present|seating=face_to_face'],
    // An unknown condition's weight has no input of its own: its part shows it.
    ['design.conditionWeights.x', 'design.conditionWeights'],
    ['design.factors[1].levels[0].sets.table_object', 'design.factors[1].levels[0].sets'],
    ['design.covariates[0].levels[1].id', 'design.covariates[0].levels[1].id'],
    ['title', 'title'],
  ])('%s is shown at %s', (path, field) => {
    expect(fieldFor(path, known)).toBe(field);
  });

  it('leaves paths the editor has no field for unplaced, for the summary', () => {
    const placed = placeProblems(
      [
        { path: 'design', code: 'CHANGES_ALLOCATION', message: 'would change the concealed allocation sequence' },
        { path: 'design.consent.text.de', code: 'MISSING_TRANSLATION', message: 'needs a text in "de"' },
      ],
      known,
    );
    expect(placed.unplaced.map((p) => p.code)).toEqual(['CHANGES_ALLOCATION']);
    expect(placed.byField.get('design.consent.text.de')?.map((p) => p.code)).toEqual(['MISSING_TRANSLATION']);
    expect(placed.all.map((entry) => entry.field)).toEqual([null, 'design.consent.text.de']);
  });

  it('uses the path as the id, linked encoded as the launch page links it', () => {
    expect(fieldId('design.factors[0].levels[1].instructions.de')).toBe('design.factors[0].levels[1].instructions.de');
    expect(fieldHref('design.conditionWeights.phone=present|seating=face_to_face')).toBe(
      '#design.conditionWeights.phone%3Dpresent%7Cseating%3Dface_to_face',
    );
    expect([...known].every((id) => !/\s/.test(id))).toBe(true);
  });

  it('walks up a path', () => {
    expect(parentPath('design.factors[0].levels')).toBe('design.factors[0]');
    expect(parentPath('design.factors[0]')).toBe('design.factors');
    expect(parentPath('design')).toBeNull();
  });
});

describe('only fields on the page take problems', () => {
  it('stratification and block sizes follow the scheme; observed covariates have no question', () => {
    const complete = { ...phoneSeating(), stratifyBy: [], randomisation: { scheme: 'complete' as const, blockMultipliers: [1] } };
    const known = editorFieldPaths(complete);
    expect(fieldFor('design.stratifyBy', known)).toBeNull();
    expect(fieldFor('design.randomisation.blockMultipliers', known)).toBeNull();
    expect(fieldFor('design.covariates[1].question.en', known)).toBe('design.covariates[1]');
    // A stratifier left under an unstratified scheme keeps its part on the page, to be removed there.
    expect(fieldFor('design.stratifyBy', editorFieldPaths({ ...complete, stratifyBy: ['acquainted'] }))).toBe('design.stratifyBy');
  });

  it('the completion field shown is the one its kind uses', () => {
    const redirect = { ...phoneSeating(), completion: { kind: 'redirect' as const, url: '' } };
    expect(fieldFor('design.completion.url', editorFieldPaths(redirect))).toBe('design.completion.url');
    expect(fieldFor('design.completion.code', editorFieldPaths(redirect))).toBeNull();
  });
});
