import { type ParticipantContextValue, ParticipantProvider, useParticipantContext } from '@/lib/participant/participant-context';
import type { Screen } from '@/lib/participant/screen';
import { CompletionScreen } from './completion-screen';
import { ConsentScreen } from './consent-screen';
import { ConversationScreen } from './conversation-screen';
import { PhonesAwayScreen } from './phones-away-screen';
import { CovariatesScreen } from './covariates-screen';
import { InstructionsScreen } from './instructions-screen';
import { LeaveButton } from './leave-button';
import { KnownNotice, Notice } from './notice';
import { SurveyScreen } from './survey-screen';
import { Finishing, WaitingAfterPhase, WaitingForPartner, WaitingRoom } from './waiting-screens';

export type ParticipantScreenProps = ParticipantContextValue & { readonly screen: Screen };

function LeftNotice({ canRejoin }: { readonly canRejoin: boolean }) {
  const { onRejoin } = useParticipantContext();
  return (
    <Notice title="You have left the study">
      <p>Thank you for your time. You can close this page.</p>
      {canRejoin ? (
        <>
          <p>Your partner left the conversation. You can start again with someone new.</p>
          <button type="button" className="button" onClick={() => void onRejoin()}>
            Find a new partner
          </button>
        </>
      ) : null}
    </Notice>
  );
}

/** Before the session's conversation: consent, the pair's questions, waiting, the instructions. */
function BeforeScreen({ screen }: { readonly screen: Screen }) {
  const { state, act } = useParticipantContext();
  const session = state.session;
  const leave = <LeaveButton onLeave={() => act('/leave')} />;
  switch (screen.kind) {
    case 'consent':
      return <ConsentScreen />;
    case 'covariates':
      return <CovariatesScreen />;
    case 'waiting-room':
      return <WaitingRoom footer={leave} />;
    case 'waiting-partner':
      return session ? <WaitingForPartner session={session} seatNumber={state.participant.seatNumber} footer={leave} /> : null;
    default:
      return session?.instructions ? (
        <InstructionsScreen instructions={session.instructions} confirmed={screen.kind !== 'instructions'} />
      ) : null;
  }
}

/** The surveys, the conversation and the end, once the session is under way. */
function DuringScreen({ screen }: { readonly screen: Screen }) {
  const { state, me } = useParticipantContext();
  switch (screen.kind) {
    case 'survey':
      return <SurveyScreen key={`${me.participantId}-${screen.phase}`} phase={screen.phase} />;
    case 'survey-waiting':
      return <WaitingAfterPhase phase={screen.phase} />;
    case 'conversation':
      return state.session?.conversation ? <ConversationScreen clock={state.session.conversation} /> : <Finishing />;
    case 'phones-away':
      return <PhonesAwayScreen />;
    case 'complete':
    case 'debrief':
      return state.completion ? (
        <CompletionScreen completion={state.completion} withdrawal={state.withdrawal} endedEarly={screen.kind === 'debrief'} />
      ) : (
        <Finishing />
      );
    default:
      return <Finishing />;
  }
}

/** Picks the screen for the participant's step (screenFor); the participant itself comes from ParticipantProvider. */
export function ScreenFor({ screen }: { readonly screen: Screen }) {
  switch (screen.kind) {
    case 'declined':
    case 'abandoned':
      return <KnownNotice kind={screen.kind} />;
    case 'left':
      return <LeftNotice canRejoin={screen.canRejoin} />;
    case 'consent':
    case 'covariates':
    case 'waiting-room':
    case 'waiting-partner':
    case 'instructions':
    case 'instructions-waiting':
      return <BeforeScreen screen={screen} />;
    default:
      return <DuringScreen screen={screen} />;
  }
}

/** One screen with its participant given as props: for the study preview, which has no ParticipantApp around it. */
export function ParticipantScreen({ screen, ...participant }: ParticipantScreenProps) {
  return (
    <ParticipantProvider value={participant}>
      <ScreenFor screen={screen} />
    </ParticipantProvider>
  );
}
