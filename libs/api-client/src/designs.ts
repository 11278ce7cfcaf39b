type Texts = Readonly<Record<string, string>>;

/** What a design must have to be offered in two languages: the generated DTO and the API's own type both fit. */
export interface TranslatableDesign {
  readonly languages: readonly string[];
  readonly factors: readonly { readonly levels: readonly { readonly instructions?: Texts }[] }[];
  readonly covariates: readonly {
    readonly question?: Texts;
    readonly levels: readonly { readonly id: string; readonly label: string; readonly text?: Texts }[];
  }[];
  readonly instruments: { readonly pre: readonly InstrumentRef[]; readonly post: readonly InstrumentRef[] };
  readonly conversation: { readonly instructions: Texts };
  readonly consent: { readonly version: string; readonly text: Texts };
}

interface InstrumentRef {
  readonly id: string;
  readonly version: number;
}

/** The English and German texts of a bilingual study: one set for the API tests and the journeys, which check them on screen. */
export const BILINGUAL = {
  consent: {
    en: 'You are invited to take part in a study about conversations.',
    de: 'Sie sind eingeladen, an einer Studie über Gespräche teilzunehmen.',
  },
  conversation: { en: 'Talk about the topic until the timer ends.', de: 'Sprechen Sie über das Thema, bis die Zeit um ist.' },
  question: { en: 'Did you know your conversation partner before today?', de: 'Kannten Sie Ihr Gegenüber schon vor heute?' },
  instructions: { en: 'Follow the card.', de: 'Folgen Sie der Karte.' },
  levels: {
    strangers: { en: 'No, we had not met before', de: 'Nein, wir kannten uns nicht' },
    acquainted: { en: 'Yes, we knew each other', de: 'Ja, wir kannten uns' },
  } as Readonly<Record<string, Texts>>,
} as const;

function levelText(level: { readonly id: string; readonly label: string }): Texts {
  return BILINGUAL.levels[level.id] ?? { en: level.label, de: `${level.label} (de)` };
}

/**
 * A template's design offered in English and German: every text the launch check asks for, in both.
 * The pre-survey is left empty and the post-survey is `post`, so only instruments translated into
 * German are asked.
 */
export function bilingual<D extends TranslatableDesign>(design: D, post: readonly InstrumentRef[] = [{ id: 'ios', version: 1 }]): D {
  return {
    ...design,
    languages: ['en', 'de'],
    factors: design.factors.map((factor) => ({
      ...factor,
      levels: factor.levels.map((level) => ({ ...level, instructions: BILINGUAL.instructions })),
    })),
    covariates: design.covariates.map((covariate) => ({
      ...covariate,
      ...(covariate.question ? { question: BILINGUAL.question } : {}),
      levels: covariate.levels.map((level) => ({ ...level, ...(level.text ? { text: levelText(level) } : {}) })),
    })),
    instruments: { pre: [], post },
    conversation: { ...design.conversation, instructions: BILINGUAL.conversation },
    consent: { version: '1', text: BILINGUAL.consent },
  };
}
