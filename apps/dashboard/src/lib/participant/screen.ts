import type { ParticipantState, Phase } from './types';

/** Which screen a participant sees, decided only by the server's state and the submits it acknowledged. */
export type Screen =
  | { readonly kind: 'declined' }
  | { readonly kind: 'left'; readonly canRejoin: boolean }
  | { readonly kind: 'abandoned' }
  | { readonly kind: 'consent' }
  | { readonly kind: 'covariates' }
  | { readonly kind: 'waiting-room' }
  | { readonly kind: 'waiting-partner' }
  | { readonly kind: 'instructions' }
  | { readonly kind: 'instructions-waiting' }
  | { readonly kind: 'survey'; readonly phase: Phase }
  | { readonly kind: 'survey-waiting'; readonly phase: Phase }
  | { readonly kind: 'conversation' }
  | { readonly kind: 'phones-away' }
  | { readonly kind: 'complete' }
  | { readonly kind: 'debrief' }
  | { readonly kind: 'finishing' };

/** `submitted(phase)`: the server holds this participant's submission of that phase (see useSubmittedPhases). */
export function screenFor(state: ParticipantState, submitted: (phase: Phase) => boolean): Screen {
  const { participant, session } = state;
  if (participant.status === 'declined') return { kind: 'declined' };
  if (participant.status === 'left') return { kind: 'left', canRejoin: participant.canRejoin };
  if (session?.status === 'abandoned') return { kind: 'abandoned' };
  if (!participant.consentGiven) return { kind: 'consent' };
  if (!participant.covariatesAnswered) return { kind: 'covariates' };
  if (session === null) return { kind: 'waiting-room' };
  switch (session.status) {
    case 'forming':
      return { kind: 'waiting-partner' };
    case 'allocated':
      return participant.instructionsConfirmed ? { kind: 'instructions-waiting' } : { kind: 'instructions' };
    case 'pre_survey':
      return submitted('pre') ? { kind: 'survey-waiting', phase: 'pre' } : { kind: 'survey', phase: 'pre' };
    case 'conversation':
      // In the lab the research assistant keeps the time and every phone is put away: no timer here.
      return session.timedBy === 'console' ? { kind: 'phones-away' } : { kind: 'conversation' };
    case 'post_survey':
      return submitted('post') ? { kind: 'survey-waiting', phase: 'post' } : { kind: 'survey', phase: 'post' };
    case 'complete':
      // The code appears only once the server has acknowledged this participant's post-survey.
      return state.completion ? { kind: 'complete' } : { kind: 'finishing' };
    case 'ended_early':
      // The partner left before the conversation ended: a short debrief, never questions about them.
      return state.completion ? { kind: 'debrief' } : { kind: 'finishing' };
  }
}

/**
 * Whether the server holds this participant's submission of a phase: the state names it
 * (participant.submittedPhases), or the submit's own answer said so on this page (`acknowledged`),
 * which can arrive before the next state read does, or while the network is gone again.
 */
export function submittedIn(state: ParticipantState, acknowledged: readonly Phase[]): (phase: Phase) => boolean {
  return (phase) => (state.participant.submittedPhases?.includes(phase) ?? false) || acknowledged.includes(phase);
}

/** The survey phase a session's status opens, if any. */
export function surveyPhaseOf(state: ParticipantState): Phase | null {
  if (state.session?.status === 'pre_survey') return 'pre';
  if (state.session?.status === 'post_survey') return 'post';
  return null;
}

const WAITING_POLL_MS = 2_000;
const CONVERSATION_POLL_MS = 5_000;

/** How often to re-read the state on this screen; null = not at all (the participant is busy or done). */
export function pollInterval(screen: Screen): number | null {
  switch (screen.kind) {
    case 'waiting-room':
    case 'waiting-partner':
    case 'instructions':
    case 'instructions-waiting':
    case 'survey-waiting':
    case 'finishing':
      return WAITING_POLL_MS;
    case 'conversation':
    case 'phones-away':
      // The researcher may end the conversation early; the timer itself runs locally (online) or on the console (lab).
      return CONVERSATION_POLL_MS;
    default:
      return null;
  }
}

/** Heartbeats keep a seat (and an online waiting-room place) alive while nothing else is sent. */
export function needsHeartbeat(screen: Screen): boolean {
  return (
    screen.kind === 'waiting-room' ||
    screen.kind === 'waiting-partner' ||
    screen.kind === 'instructions' ||
    screen.kind === 'instructions-waiting'
  );
}
