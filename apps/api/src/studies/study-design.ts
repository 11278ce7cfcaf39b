import type { Scheme } from '../randomisation/allocation-sequence';

/** Participant-facing text, per language code: `{ en: '…', de: '…' }`. */
export type Localized = Record<string, string>;

export interface LevelDesign {
  readonly id: string;
  readonly label: string;
  /** Shown to the session once allocated, e.g. "Place one phone face down on the table between you". */
  readonly instructions?: Localized;
  /** The conversation topic this level sets, e.g. "the most meaningful events of the past year". */
  readonly topicPrompt?: Localized;
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
}
