import { getInstrument } from '@attune/survey';
import type { Design, Localized } from './types';

export interface MissingTranslation {
  /** The field's path (as the API's problems name it), e.g. `design.consent.text.de`. */
  readonly path: string;
  readonly language: string;
  /** What the researcher calls it: "Consent text", "Level “Side by side”: instructions". */
  readonly label: string;
}

interface Text {
  readonly path: string;
  readonly label: string;
  readonly text: Localized | undefined;
  /** Launch needs it in every language even when it is empty in all of them. */
  readonly required: boolean;
}

const filled = (text: Localized | undefined, language: string) => (text?.[language] ?? '').trim() !== '';

function participantTexts(design: Design): Text[] {
  const texts: Text[] = [
    { path: 'design.consent.text', label: 'Consent text', text: design.consent.text, required: true },
    { path: 'design.conversation.instructions', label: 'Conversation text', text: design.conversation.instructions, required: true },
  ];
  design.factors.forEach((factor, f) =>
    factor.levels.forEach((level, l) => {
      const at = `design.factors[${f}].levels[${l}]`;
      texts.push({
        path: `${at}.instructions`,
        label: `${level.label}: participant instructions`,
        text: level.instructions,
        required: false,
      });
      texts.push({ path: `${at}.topicPrompt`, label: `${level.label}: topic prompt`, text: level.topicPrompt, required: false });
    }),
  );
  design.covariates.forEach((covariate, c) => {
    const at = `design.covariates[${c}]`;
    texts.push({
      path: `${at}.question`,
      label: `${covariate.label}: question`,
      text: covariate.question,
      required: covariate.source === 'participant',
    });
    covariate.levels.forEach((level, l) =>
      texts.push({
        path: `${at}.levels[${l}].text`,
        label: `${covariate.label}: answer “${level.label}”`,
        text: level.text,
        required: false,
      }),
    );
  });
  return texts;
}

/**
 * Every participant-facing text that lacks one of the study's languages: a text written in any
 * language must exist in all of them (as launch checks), and the texts launch requires always.
 * Instruments from the library count too: one without a version in a study language is listed.
 */
export function missingTranslations(design: Design): MissingTranslation[] {
  const missing: MissingTranslation[] = [];
  for (const { path, label, text, required } of participantTexts(design)) {
    const used = required || design.languages.some((language) => filled(text, language));
    if (!used) continue;
    for (const language of design.languages) if (!filled(text, language)) missing.push({ path: `${path}.${language}`, language, label });
  }
  for (const phase of ['pre', 'post'] as const) {
    design.instruments[phase].forEach((ref, i) => {
      const instrument = getInstrument(ref.id, ref.version);
      for (const language of design.languages) {
        if (instrument && !instrument.languages.includes(language))
          missing.push({
            path: `design.instruments.${phase}[${i}]`,
            language,
            label: `Instrument ${ref.id} v${ref.version} (${phase === 'pre' ? 'before' : 'after'} the conversation)`,
          });
      }
    });
  }
  return missing;
}
