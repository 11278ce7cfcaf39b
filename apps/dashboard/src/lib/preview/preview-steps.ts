import { getInstrument, type Instrument } from '@attune/survey';
import { screenFor, type Screen } from '@/lib/participant/screen';
import { buildCards } from '@/lib/participant/survey-cards';
import type { OwnSession, ParticipantState, Phase } from '@/lib/participant/types';
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

/** A sample in the format of a real withdrawal code; no participant exists behind it. */
export const SAMPLE_WITHDRAWAL_CODE = 'ABCD-EFGH-JKMN';

/** Texts in the chosen language, as the API picks them (falling back to the study's first language), noting each fallback. */
class Texts {
  readonly fallbacks: string[] = [];
  constructor(readonly language: string, private readonly languages: readonly string[]) {}

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
  const questions = (design.covariates ?? []).filter((covariate) => covariate.source === 'participant').map((covariate) => ({
    id: covariate.id,
    question: texts.pick(covariate.question, `Question "${covariate.label}"`) ?? covariate.label,
    levels: covariate.levels.map((level) => ({ id: level.id, text: texts.pick(level.text, `Answer "${level.label}" of "${covariate.label}"`) ?? level.label })),
  }));
  const consent = { version: design.consent?.version ?? '', text: texts.pick(design.consent?.text, 'Consent text') ?? '' };
  return { title, consent, covariateQuestions: questions, languages: [...(design.languages ?? [])] };
}

/** What the API tells an allocated session (participant-view.ts): the levels' steps and topics, then the conversation text. */
function conditionInstructions(design: Design, condition: Condition, texts: Texts): NonNullable<OwnSession['instructions']> {
  const levels = condition.levels.map((ref) => ({ ref, level: design.factors.find((f) => f.id === ref.factorId)?.levels.find((l) => l.id === ref.levelId) }));
  const pick = (key: 'instructions' | 'topicPrompt', what: string) => levels.flatMap(({ ref, level }) => {
    const text = texts.pick(level?.[key], `${what} of ${ref.factorLabel}: ${ref.levelLabel}`);
    return text === undefined ? [] : [text];
  });
  return {
    steps: pick('instructions', 'Instructions'),
    topics: pick('topicPrompt', 'Topic'),
    conversation: texts.pick(design.conversation?.instructions, 'Conversation text') ?? '',
  };
}

function session(design: Design, status: OwnSession['status'], instructions: OwnSession['instructions']): OwnSession {
  const size = design.sessionSize ?? 2;
  return {
    status, size, seatsTaken: status === 'forming' ? 1 : size, seatsConsented: status === 'forming' ? 1 : size, seatsReady: status === 'forming' ? 0 : size,
    instructions, instruments: [], phase: null, conversation: null, incomplete: false, timedBy: 'console',
  };
}

function completionOf(design: Design): ParticipantState['completion'] {
  const completion = design.completion;
  if (!completion) return { kind: 'code', code: '' };
  return completion.kind === 'redirect' ? { kind: 'redirect', url: completion.url ?? '' } : { kind: 'code', code: completion.code ?? '' };
}

/** The participant's states along a lab journey, in order, each one the server could send. */
type Stage = 'consent' | 'covariates' | 'waiting' | 'instructions' | 'phonesAway' | 'complete';

function journeyStates(design: Design, base: ParticipantState, instructions: OwnSession['instructions']): Record<Stage, ParticipantState> {
  const me = base.participant;
  const seated = { ...me, status: 'consented' as const, consentGiven: true, covariatesAnswered: true };
  return {
    consent: base,
    covariates: { ...base, participant: { ...me, status: 'consented', consentGiven: true } },
    waiting: { ...base, participant: seated },
    instructions: { ...base, participant: seated, session: session(design, 'allocated', instructions) },
    phonesAway: { ...base, participant: seated, session: session(design, 'conversation', instructions) },
    complete: {
      ...base, participant: seated, session: session(design, 'complete', instructions), completion: completionOf(design),
      withdrawal: { code: SAMPLE_WITHDRAWAL_CODE, daysAfterClose: design.withdrawal?.daysAfterClose ?? 30, deadline: null },
    },
  };
}

const SCREEN_TITLES: Readonly<Record<Stage, string>> = {
  consent: 'Consent', covariates: 'Questions before allocation', waiting: 'Waiting for the partner',
  instructions: 'Condition instructions', phonesAway: 'Phones away: the conversation', complete: 'Completion',
};

function screenStep(id: Stage, states: Record<Stage, ParticipantState>): PreviewStep {
  const state = states[id];
  return { id, title: SCREEN_TITLES[id], view: { kind: 'screen', screen: screenFor(state, () => false), state } };
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
    if (!instrument.languages.includes(texts.language)) texts.fallbacks.push(`Instrument ${ref.id} v${ref.version} (no ${texts.language} version; shown in English or its first language)`);
    return [instrument];
  });
}

/**
 * The whole lab journey of one seat for one condition and language, as a list of steps the
 * preview frame walks through: consent, the participant covariates, waiting for the partner,
 * the condition's instructions, every card of the pre-survey, phones away, every card of the
 * post-survey and the completion. Screens are chosen by the participant page's own rule
 * (screenFor) from states the API could send; nothing here calls the API.
 */
export function previewSteps(design: Design, conditionId: string | undefined, language: string | undefined, title = ''): PreviewPlan | null {
  const condition = pickCondition(conditionsOf(design), conditionId);
  if (!condition) return null;
  const texts = new Texts(pickLanguage(design, language), design.languages ?? []);
  const base: ParticipantState = {
    participant: { id: 'preview', status: 'joined', consentGiven: false, covariatesAnswered: false, instructionsConfirmed: false, canRejoin: false, language: texts.language, seatNumber: 1 },
    session: session(design, 'forming', null),
    study: studyTexts(design, title, texts),
    completion: null,
    withdrawal: null,
  };
  const states = journeyStates(design, base, conditionInstructions(design, condition, texts));
  const unknownInstruments: string[] = [];
  const instruments = { pre: shippedInstruments(design.instruments?.pre, texts, unknownInstruments), post: shippedInstruments(design.instruments?.post, texts, unknownInstruments) };
  const steps = [
    screenStep('consent', states),
    ...(base.study.covariateQuestions.length > 0 ? [screenStep('covariates', states)] : []),
    ...((design.sessionSize ?? 2) > 1 ? [screenStep('waiting', states)] : []),
    screenStep('instructions', states),
    ...surveySteps('pre', instruments.pre, texts.language),
    screenStep('phonesAway', states),
    ...surveySteps('post', instruments.post, texts.language),
    screenStep('complete', states),
  ];
  return { condition, language: texts.language, steps, instruments, unknownInstruments, fallbacks: [...new Set(texts.fallbacks)] };
}
