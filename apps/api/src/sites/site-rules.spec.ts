import { checkDesign } from '../studies/design-rules';
import { findTemplate } from '../studies/study-templates';
import { checkSiteFields, SITE_CODE_PATTERN } from './site-rules';

describe('site rules', () => {
  it.each([
    ['essex', true],
    ['konstanz_2', true],
    ['a-b', true],
    ['Essex', false],
    ['', false],
    ['x'.repeat(21), false],
    ['site=x', false],
    ['a|b', false],
  ])('code %j is valid: %s', (code, valid) => {
    expect(SITE_CODE_PATTERN.test(code)).toBe(valid);
    expect(checkSiteFields({ code }, ['en']).length === 0).toBe(valid);
  });

  it("takes a default language only from the study's languages", () => {
    expect(checkSiteFields({ language: 'de' }, ['en', 'de'])).toEqual([]);
    expect(checkSiteFields({ language: null }, ['en'])).toEqual([]);
    expect(checkSiteFields({ language: 'fr' }, ['en', 'de'])).toEqual([
      expect.objectContaining({ path: 'language', code: 'UNKNOWN_LANGUAGE' }),
    ]);
  });

  it('reserves the covariate id "site" for the session\'s site in stratum keys', () => {
    const design = findTemplate('phone_seating')?.design;
    if (!design) throw new Error('no template');
    const index = design.covariates.findIndex((covariate) => covariate.id === 'phone_seen');
    const renamed = {
      ...design,
      covariates: design.covariates.map((covariate, i) => (i === index ? { ...covariate, id: 'site' } : covariate)),
    };
    expect(checkDesign(design).filter((issue) => issue.code === 'RESERVED_ID')).toEqual([]);
    expect(checkDesign(renamed)).toContainEqual(expect.objectContaining({ path: `design.covariates[${index}].id`, code: 'RESERVED_ID' }));
  });
});
