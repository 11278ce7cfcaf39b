import type { Scheme } from '../randomisation/allocation-sequence';

/** Participant-facing text, per language code: `{ en: '…', de: '…' }`. */
export type Localized = Record<string, string>;

export interface LevelDesign {
  readonly id: string;
  readonly label: string;
  /** Shown on the participants' phones once allocated, e.g. "Sit facing each other". Never names the level. */
  readonly instructions?: Localized;
  /** The conversation topic this level sets, e.g. "the most meaningful events of the past year". */
  readonly topicPrompt?: Localized;
  /**
   * What the research assistant prepares for this level (domain.md §7: the experimenter sets the
   * room, not the participants), e.g. "Place the study phone face down on the desk to the side".
   * Shown only on the lab console, never to a participant.
   */
  readonly setup?: string;
  /**
   * What this level puts in the room, in the words the manipulation checks ask about: probe →
   * setting, e.g. { table_object: 'notebook' } or { seating: 'side_by_side' }. A check item that
   * probes `table_object` is scored against the setting of the session's level, so checks are
   * keyed by the protocol rather than by level names.
   */
  readonly sets?: Readonly<Record<string, string>>;
}

export interface FactorDesign {
  readonly id: string;
  readonly label: string;
  /** No original study to compare with (e.g. seating): the dashboard labels it exploratory. */
  readonly exploratory?: boolean;
  readonly levels: readonly LevelDesign[];
}

export interface CovariateDesign {
  readonly id: string;
  readonly label: string;
  /** Observed by the research assistant, or asked of each participant after consent. */
  readonly source: 'observed' | 'participant';
  readonly question?: Localized;
  /**
   * 'partner': the question is about the conversation partner ("did you know your partner before
   * today?"), so it is asked only once the participant is seated with that partner; online, that
   * is after the waiting room has paired them, and allocation waits for the answers.
   */
  readonly relation?: 'partner';
  readonly levels: readonly { readonly id: string; readonly label: string; readonly text?: Localized }[];
}

export interface InstrumentRef {
  readonly id: string;
  readonly version: number;
}

export type DropoutPolicy = 'keep_as_randomised' | 'reform_remaining';

export type Completion = { readonly kind: 'code'; readonly code: string } | { readonly kind: 'redirect'; readonly url: string };

export interface StudyDesign {
  readonly factors: readonly FactorDesign[];
  /** Allocation weight per condition id; conditions not named weigh 1. */
  readonly conditionWeights: Readonly<Record<string, number>>;
  readonly covariates: readonly CovariateDesign[];
  readonly stratifyBy: readonly string[];
  readonly sessionSize: number;
  readonly targetSessionsPerCondition: number;
  readonly randomisation: { readonly scheme: Scheme; readonly blockMultipliers: readonly number[] };
  readonly dropoutPolicy: DropoutPolicy;
  readonly instruments: { readonly pre: readonly InstrumentRef[]; readonly post: readonly InstrumentRef[] };
  readonly conversation: { readonly durationSeconds: number; readonly instructions: Localized };
  readonly consent: { readonly version: string; readonly text: Localized };
  readonly languages: readonly string[];
  readonly completion: Completion;
  /** How long after the study closes a participant may still withdraw; absent: 30 days. */
  readonly withdrawal?: { readonly daysAfterClose: number };
}
