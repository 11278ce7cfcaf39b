import type { OwnSession, ParticipantState } from '@/lib/participant/types';
import type { Design } from './conditions';

/** Lab: seated from the start, the console keeps the time. Online: a waiting room pairs people, each phone keeps the time. */
export type PreviewMode = 'lab' | 'online';

export type Stage =
  'consent' | 'covariates' | 'waitingRoom' | 'partnerQuestions' | 'waiting' | 'instructions' | 'conversation' | 'complete';

export interface JourneyStage {
  readonly id: Stage;
  readonly title: string;
  readonly state: ParticipantState;
}

/** A sample in the format of a real withdrawal code; no participant exists behind it. */
export const SAMPLE_WITHDRAWAL_CODE = 'ABCD-EFGH-JKMN';

const EPOCH = new Date(0).toISOString();

function session(design: Design, mode: PreviewMode, status: OwnSession['status'], instructions: OwnSession['instructions']): OwnSession {
  const size = design.sessionSize ?? 2;
  const forming = status === 'forming';
  const seconds = design.conversation?.durationSeconds ?? 600;
  // The phone's timer (online only) is set to start when the step is shown: see freshClock.
  const conversation =
    mode === 'online' && status === 'conversation'
      ? { durationSeconds: seconds, startedAt: EPOCH, endsAt: new Date(seconds * 1000).toISOString(), serverNow: EPOCH }
      : null;
  return {
    status,
    size,
    seatsTaken: forming ? 1 : size,
    seatsConsented: forming ? 1 : size,
    seatsReady: forming ? 0 : size,
    instructions,
    instruments: [],
    phase: null,
    conversation,
    incomplete: false,
    timedBy: mode === 'lab' ? 'console' : 'phone',
  };
}

/** An online conversation's clock as if it started at `now`, so the preview's timer runs from the moment it is shown. */
export function freshClock(state: ParticipantState, now: number): ParticipantState {
  const clock = state.session?.conversation;
  if (!state.session || !clock) return state;
  const at = (ms: number) => new Date(now + ms).toISOString();
  return {
    ...state,
    session: { ...state.session, conversation: { ...clock, startedAt: at(0), serverNow: at(0), endsAt: at(clock.durationSeconds * 1000) } },
  };
}

function completionOf(design: Design): ParticipantState['completion'] {
  const completion = design.completion;
  if (!completion) return { kind: 'code', code: '' };
  return completion.kind === 'redirect' ? { kind: 'redirect', url: completion.url ?? '' } : { kind: 'code', code: completion.code ?? '' };
}

function askOnly(state: ParticipantState, ids: ReadonlySet<string>, keep: boolean): ParticipantState {
  return {
    ...state,
    study: { ...state.study, covariateQuestions: state.study.covariateQuestions.filter((question) => ids.has(question.id) === keep) },
  };
}

/** From the allocation on, both modes share their stages; only the conversation's title differs. */
function allocatedStages(design: Design, at: (status: OwnSession['status']) => ParticipantState, lab: boolean): JourneyStage[] {
  return [
    { id: 'instructions', title: 'Condition instructions', state: at('allocated') },
    {
      id: 'conversation',
      title: lab ? 'Phones away: the conversation' : 'The conversation (timer on the phone)',
      state: at('conversation'),
    },
    {
      id: 'complete',
      title: 'Completion',
      state: {
        ...at('complete'),
        completion: completionOf(design),
        withdrawal: { code: SAMPLE_WITHDRAWAL_CODE, daysAfterClose: design.withdrawal?.daysAfterClose ?? 30, deadline: null },
      },
    },
  ];
}

/**
 * The stages of one seat's journey, each a state the API could send. In the lab a seat sits with
 * its partner from the start, so every question comes at once; online, questions about the
 * partner come only after the waiting room paired them (README "Participants").
 */
export function journeyStages(
  design: Design,
  unseated: ParticipantState,
  instructions: OwnSession['instructions'],
  mode: PreviewMode,
): JourneyStage[] {
  const partner = new Set((design.covariates ?? []).filter((c) => c.source === 'participant' && c.relation === 'partner').map((c) => c.id));
  const consented = { ...unseated.participant, status: 'consented' as const, consentGiven: true };
  const ready = { ...consented, covariatesAnswered: true };
  const seated = { ...unseated, session: session(design, mode, 'forming', null) };
  const lab = mode === 'lab';
  const before = lab ? seated : askOnly(unseated, partner, false);
  const at = (status: OwnSession['status']) => ({ ...unseated, participant: ready, session: session(design, mode, status, instructions) });
  const stages: (JourneyStage | false)[] = [
    { id: 'consent', title: 'Consent', state: lab ? seated : unseated },
    before.study.covariateQuestions.length > 0 && {
      id: 'covariates',
      title: 'Questions before allocation',
      state: { ...before, participant: consented },
    },
    !lab && { id: 'waitingRoom', title: 'Waiting room', state: { ...unseated, participant: ready } },
    !lab &&
      partner.size > 0 && {
        id: 'partnerQuestions',
        title: 'Questions about the partner',
        state: { ...askOnly(seated, partner, true), participant: consented },
      },
    lab && (design.sessionSize ?? 2) > 1 && { id: 'waiting', title: 'Waiting for the partner', state: { ...seated, participant: ready } },
    ...allocatedStages(design, at, lab),
  ];
  return stages.filter((stage): stage is JourneyStage => stage !== false);
}
