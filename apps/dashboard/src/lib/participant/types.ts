import type { Instrument } from '@attune/survey';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];

/** GET /api/participant/state, as the API documents it in openapi.json. */
export type ParticipantState = Schemas['ParticipantStateResponse'];
export type OwnSession = NonNullable<ParticipantState['session']>;
export type Completion = NonNullable<ParticipantState['completion']>;
export type Withdrawal = NonNullable<ParticipantState['withdrawal']>;
export type CovariateQuestion = ParticipantState['study']['covariateQuestions'][number];

export type Phase = 'pre' | 'post';

/** Recruitment-platform ids that arrive on the online study link (Prolific's URL parameters). */
export interface ExternalIds {
  readonly PROLIFIC_PID?: string;
  readonly STUDY_ID?: string;
  readonly SESSION_ID?: string;
}

/** How the participant arrived: a lab seat link or QR code, a typed session code, or the online study link. */
export type Entry =
  | { readonly kind: 'seat'; readonly secret: string }
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'study'; readonly code: string; readonly externalIds: ExternalIds };

export type JoinResponse = Schemas['JoinResponse'];

/** GET /api/participant/answers/:phase: the caller's own answers so far, to resume. */
export type PhaseAnswers = Schemas['PhaseAnswersResponse'];

/** A phase's instruments and this participant's drafts, as the server read them for /p's first render. */
export interface ServerPhase {
  readonly phase: Phase;
  readonly instruments: readonly Instrument[];
  readonly drafts: PhaseAnswers;
}

/**
 * What /p's server render knew about the phone's participant (see participant-cookie.ts): the
 * state (which names the submitted phases) and the survey phase on screen, if any.
 */
export interface ServerView {
  readonly state: ParticipantState;
  readonly phase: ServerPhase | null;
}
