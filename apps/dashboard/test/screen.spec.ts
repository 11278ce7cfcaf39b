import { needsHeartbeat, pollInterval, screenFor, submittedIn, surveyPhaseOf } from '@/lib/participant/screen';
import type { OwnSession, ParticipantState, Phase } from '@/lib/participant/types';

type Participant = ParticipantState['participant'];

function state(
  participant: Partial<Participant>,
  session: Partial<OwnSession> | null,
  completion: ParticipantState['completion'] = null,
): ParticipantState {
  return {
    participant: {
      id: 'p1',
      status: 'consented',
      consentGiven: true,
      covariatesAnswered: true,
      instructionsConfirmed: false,
      canRejoin: false,
      language: 'en',
      seatNumber: 1,
      ...participant,
    },
    session: session === null ? null : ({ status: 'forming', ...session } as OwnSession),
    study: {} as ParticipantState['study'],
    completion,
    withdrawal: null,
  };
}

const none = (_phase: Phase) => false;
const pre = (phase: Phase) => phase === 'pre';

describe("screenFor: the screen follows the server's state and what this phone submitted", () => {
  it.each([
    ['declined', state({ status: 'declined' }, null), none, { kind: 'declined' }],
    ['left, may rejoin', state({ status: 'left', canRejoin: true }, null), none, { kind: 'left', canRejoin: true }],
    ['abandoned session', state({}, { status: 'abandoned' }), none, { kind: 'abandoned' }],
    ['no consent yet', state({ status: 'joined', consentGiven: false }, { status: 'forming' }), none, { kind: 'consent' }],
    ['covariates open', state({ covariatesAnswered: false }, { status: 'forming' }), none, { kind: 'covariates' }],
    ['online, no seat yet', state({}, null), none, { kind: 'waiting-room' }],
    ['seated, partner missing', state({}, { status: 'forming' }), none, { kind: 'waiting-partner' }],
    ['allocated', state({}, { status: 'allocated' }), none, { kind: 'instructions' }],
    ['allocated, confirmed', state({ instructionsConfirmed: true }, { status: 'allocated' }), none, { kind: 'instructions-waiting' }],
    ['pre-survey', state({}, { status: 'pre_survey' }), none, { kind: 'survey', phase: 'pre' }],
    ['pre-survey, submitted here', state({}, { status: 'pre_survey' }), pre, { kind: 'survey-waiting', phase: 'pre' }],
    [
      'conversation online (the phone keeps the time)',
      state({}, { status: 'conversation', timedBy: 'phone' }),
      pre,
      { kind: 'conversation' },
    ],
    [
      'conversation in the lab (phones away, the console keeps the time)',
      state({}, { status: 'conversation', timedBy: 'console' }),
      pre,
      { kind: 'phones-away' },
    ],
    ['ended early, debrief', state({}, { status: 'ended_early' }, { kind: 'code', code: 'X' }), pre, { kind: 'debrief' }],
    ['ended early, leaver', state({}, { status: 'ended_early' }), pre, { kind: 'finishing' }],
    ['post-survey', state({}, { status: 'post_survey' }), pre, { kind: 'survey', phase: 'post' }],
    ['complete, code not yet shown', state({}, { status: 'complete' }), pre, { kind: 'finishing' }],
    ['complete with code', state({}, { status: 'complete' }, { kind: 'code', code: 'X' }), pre, { kind: 'complete' }],
  ] as const)('%s', (_name, given, submitted, expected) => {
    expect(screenFor(given, submitted)).toEqual(expected);
  });

  it('polls and beats only where the participant waits for someone', () => {
    expect(pollInterval({ kind: 'survey', phase: 'pre' })).toBeNull();
    expect(pollInterval({ kind: 'waiting-partner' })).toBe(2_000);
    expect(pollInterval({ kind: 'conversation' })).toBe(5_000);
    expect(pollInterval({ kind: 'phones-away' })).toBe(5_000);
    expect(pollInterval({ kind: 'debrief' })).toBeNull();
    expect(needsHeartbeat({ kind: 'waiting-room' })).toBe(true);
    expect(needsHeartbeat({ kind: 'conversation' })).toBe(false);
  });

  it("submittedIn: the server's submitted phases, or a submit this page saw acknowledged", () => {
    const pre = state({ submittedPhases: ['pre'] }, { status: 'pre_survey' });
    expect(screenFor(pre, submittedIn(pre, []))).toEqual({ kind: 'survey-waiting', phase: 'pre' });
    const post = state({ submittedPhases: ['pre'] }, { status: 'post_survey' });
    expect(screenFor(post, submittedIn(post, []))).toEqual({ kind: 'survey', phase: 'post' });
    expect(screenFor(post, submittedIn(post, ['post']))).toEqual({ kind: 'survey-waiting', phase: 'post' });
    // A state without the field (an older server, a test double) names nothing.
    const bare = state({}, { status: 'pre_survey' });
    expect(submittedIn(bare, [])('pre')).toBe(false);
  });

  it('surveyPhaseOf names the phase a session status opens', () => {
    expect(surveyPhaseOf(state({}, { status: 'pre_survey' }))).toBe('pre');
    expect(surveyPhaseOf(state({}, { status: 'post_survey' }))).toBe('post');
    expect(surveyPhaseOf(state({}, { status: 'conversation' }))).toBeNull();
    expect(surveyPhaseOf(state({}, null))).toBeNull();
  });
});
