import { missingTranslations } from '@/lib/builder/translations';
import { phoneSeating } from './builder-fixture';

describe('missing translations', () => {
  it('lists nothing when every text exists in the one language', () => {
    expect(missingTranslations(phoneSeating())).toEqual([]);
  });

  it('adding German lists every used text without German, and instruments without a German version', () => {
    const paths = missingTranslations({ ...phoneSeating(), languages: ['en', 'de'] }).map((entry) => entry.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'design.consent.text.de',
        'design.conversation.instructions.de',
        'design.covariates[0].question.de',
        'design.covariates[0].levels[0].text.de',
        'design.instruments.pre[0]',
      ]),
    );
    // Already translated, or never written in any language: not missing.
    expect(paths).not.toContain('design.factors[1].levels[0].instructions.de');
    expect(paths).not.toContain('design.factors[0].levels[0].instructions.de');
    expect(paths).not.toContain('design.instruments.pre[1]');
  });

  it('a text filled with blanks is still missing; filling it removes it from the list', () => {
    const design = { ...phoneSeating(), languages: ['en', 'de'] };
    const blank = { ...design, consent: { ...design.consent, text: { en: 'x', de: '  ' } } };
    expect(missingTranslations(blank).map((entry) => entry.path)).toContain('design.consent.text.de');
    const filled = { ...design, consent: { ...design.consent, text: { en: 'x', de: 'Sie sind eingeladen…' } } };
    expect(missingTranslations(filled).map((entry) => entry.path)).not.toContain('design.consent.text.de');
  });

  it('required texts are missing even when empty in every language', () => {
    const design = { ...phoneSeating(), consent: { version: '1', text: {} } };
    expect(missingTranslations(design)).toEqual([
      expect.objectContaining({ path: 'design.consent.text.en', language: 'en', label: 'Consent text' }),
    ]);
  });
});
