import { getInstrument, type Instrument } from '@attune/survey';
import { screenFor, type Screen } from '@/lib/participant/screen';
import { buildCards } from '@/lib/participant/survey-cards';
import type { OwnSession, ParticipantState, Phase } from '@/lib/participant/types';
import { type JourneyStage, journeyStages, type PreviewMode } from './journey-states';

export { SAMPLE_WITHDRAWAL_CODE, type PreviewMode } from './journey-states';
import { type Condition, conditionsOf, type Design, pickCondition, pickLanguage } from './conditions';

/** What the phone frame shows at one step: a journey screen, one survey card, or a phase's submit card. */
export type PreviewView =
  | { readonly kind: 'screen'; readonly screen: Screen; readonly state: ParticipantState }
  | { readonly kind: 'card'; readonly phase: Phase; readonly index: number }
  | { readonly kind: 'submit'; readonly phase: Phase };

export interface PreviewStep {
  readonly id: string;
  readonly title: string;
  readonly view: PreviewView;
}

export interface PreviewPlan {
  readonly condition: Condition;
  readonly mode: PreviewMode;
  readonly language: string;
  readonly steps: readonly PreviewStep[];
  /** The phases' instruments as this build ships them (the cards are built from these). */
  readonly instruments: Readonly<Record<Phase, readonly Instrument[]>>;
  /** Instrument versions the design names that this build does not ship ("ios v9"). */
  readonly unknownInstruments: readonly string[];
  /** Texts the phone would show in another language because the chosen one is missing. */
  readonly fallbacks: readonly string[];
}

type Localized = Readonly<Record<string, string>> | undefined;

/** Texts in the chosen language, as the API picks them (falling back to the study's first language), noting each fallback. */
class Texts {
  readonly fallbacks: string[] = [];
  constructor(
    readonly language: string,
    private readonly languages: readonly string[],
  ) {}

  pick(text: Localized, what: string): string | undefined {
    if (!text) return undefined;
    const own = Object.hasOwn(text, this.language) ? text[this.language] : undefined;
    if (own !== undefined && own !== '') return own;
    const first = this.languages[0] ?? '';
    const fallback = Object.hasOwn(text, first) ? text[first] : undefined;
    if (fallback !== undefined) this.fallbacks.push(`${what} (shown in ${first})`);
    return fallback;
  }
}

function studyTexts(design: Design, title: string, texts: Texts): ParticipantState['study'] {
  const questions = (design.covariates ?? [])
    .filter((covariate) => covariate.source === 'participant')
    .map((covariate) => ({
      id: covariate.id,
      question: texts.pick(covariate.question, `Question "${covariate.label}"`) ?? covariate.label,
      levels: covariate.levels.map((level) => ({
        id: level.id,
        text: texts.pick(level.text, `Answer "${level.label}" of "${covariate.label}"`) ?? level.label,
      })),
    }));
  const consent = { version: design.consent?.version ?? '', text: texts.pick(design.consent?.text, 'Consent text') ?? '' };
  return { title, consent, covariateQuestions: questions, languages: [...(design.languages ?? [])] };
}

/** What the API tells an allocated session (participant-view.ts): the levels' steps and topics, then the conversation text. */
function conditionInstructions(design: Design, condition: Condition, texts: Texts): NonNullable<OwnSession['instructions']> {
  const levels = condition.levels.map((ref) => ({
    ref,
    level: design.factors.find((f) => f.id === ref.factorId)?.levels.find((l) => l.id === ref.levelId),
  }));
  const pick = (key: 'instructions' | 'topicPrompt', what: string) =>
    levels.flatMap(({ ref, level }) => {
      const text = texts.pick(level?.[key], `${what} of ${ref.factorLabel}: ${ref.levelLabel}`);
      return text === undefined ? [] : [text];
    });
  return {
    steps: pick('instructions', 'Instructions'),
    topics: pick('topicPrompt', 'Topic'),
    conversation: texts.pick(design.conversation?.instructions, 'Conversation text') ?? '',
  };
}

function screenStep(stage: JourneyStage): PreviewStep {
  return { id: stage.id, title: stage.title, view: { kind: 'screen', screen: screenFor(stage.state, () => false), state: stage.state } };
}

const PHASE_TITLES: Readonly<Record<Phase, string>> = { pre: 'Before', post: 'After' };

function surveySteps(phase: Phase, instruments: readonly Instrument[], language: string): PreviewStep[] {
  const cards = buildCards(instruments, language);
  if (cards.length === 0) return [];
  const total = cards.filter((card) => card.number !== null).length;
  const steps = cards.map((card, index): PreviewStep => ({
    id: `${phase}-${card.instrument.id}-${card.item.id}`,
    title: `${PHASE_TITLES[phase]}: ${card.number === null ? 'introduction' : `question ${card.number} of ${total}`}`,
    view: { kind: 'card', phase, index },
  }));
  return [...steps, { id: `${phase}-submit`, title: `${PHASE_TITLES[phase]}: submit`, view: { kind: 'submit', phase } }];
}

function shippedInstruments(refs: Design['instruments']['pre'] | undefined, texts: Texts, unknown: string[]): Instrument[] {
  return (refs ?? []).flatMap((ref) => {
    const instrument = getInstrument(ref.id, ref.version);
    if (!instrument) {
      unknown.push(`${ref.id} v${ref.version}`);
      return [];
    }
    if (!instrument.languages.includes(texts.language))
      texts.fallbacks.push(`Instrument ${ref.id} v${ref.version} (no ${texts.language} version; shown in English or its first language)`);
    return [instrument];
  });
}

export interface PreviewOptions {
  readonly title?: string;
  readonly mode?: PreviewMode;
}

/** The state the API sends a seat that has just joined: nothing given, nothing seated. */
function unseatedState(design: Design, title: string, texts: Texts): ParticipantState {
  return {
    participant: {
      id: 'preview',
      status: 'joined',
      consentGiven: false,
      covariatesAnswered: false,
      instructionsConfirmed: false,
      canRejoin: false,
      language: texts.language,
      seatNumber: 1,
    },
    session: null,
    study: studyTexts(design, title, texts),
    completion: null,
    withdrawal: null,
  };
}

/**
 * The whole journey of one seat for one condition and language, as a list of steps the preview
 * frame walks through: consent, the participant covariates, waiting, the condition's
 * instructions, every card of the pre-survey, the conversation (lab: phones away; online: the
 * phone's timer), every card of the post-survey and the completion. Screens are chosen by the
 * participant page's own rule (screenFor) from states the API could send; nothing here calls the API.
 */
export function previewSteps(
  design: Design,
  conditionId: string | undefined,
  language: string | undefined,
  options: PreviewOptions = {},
): PreviewPlan | null {
  const condition = pickCondition(conditionsOf(design), conditionId);
  if (!condition) return null;
  const mode = options.mode ?? 'lab';
  const texts = new Texts(pickLanguage(design, language), design.languages ?? []);
  const base = unseatedState(design, options.title ?? '', texts);
  const stages = journeyStages(design, base, conditionInstructions(design, condition, texts), mode);
  const unknownInstruments: string[] = [];
  const instruments = {
    pre: shippedInstruments(design.instruments?.pre, texts, unknownInstruments),
    post: shippedInstruments(design.instruments?.post, texts, unknownInstruments),
  };
  const upTo = (id: JourneyStage['id']) => stages.findIndex((stage) => stage.id === id);
  const steps = [
    ...stages.slice(0, upTo('conversation')).map(screenStep),
    ...surveySteps('pre', instruments.pre, texts.language),
    ...stages.slice(upTo('conversation'), upTo('complete')).map(screenStep),
    ...surveySteps('post', instruments.post, texts.language),
    ...stages.slice(upTo('complete')).map(screenStep),
  ];
  return { condition, mode, language: texts.language, steps, instruments, unknownInstruments, fallbacks: [...new Set(texts.fallbacks)] };
}
