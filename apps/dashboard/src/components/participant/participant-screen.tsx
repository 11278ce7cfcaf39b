import type { AnswerQueue } from '@/lib/participant/answer-queue';
import type { Outcome } from '@/lib/participant/http';
import type { StoredParticipant } from '@/lib/participant/participant-store';
import type { Screen } from '@/lib/participant/screen';
import type { ParticipantState, ServerPhase } from '@/lib/participant/types';
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

export interface ParticipantScreenProps {
  readonly screen: Screen;
  readonly state: ParticipantState;
  readonly me: StoredParticipant;
  readonly offsetMs: number;
  /** Null for the moment between the first render and the queue's creation (an effect). */
  readonly queue: AnswerQueue | null;
  /** The survey phase as /p's server render loaded it, if it did. */
  readonly preloaded: ServerPhase | null;
  readonly act: (path: string, body?: unknown) => Promise<Outcome<unknown>>;
  readonly refresh: () => Promise<void>;
  readonly onSubmitted: () => void;
  readonly onRejoin: () => Promise<void>;
  readonly switchLanguage: (language: string) => Promise<boolean>;
}

function LeftNotice({ canRejoin, onRejoin }: { readonly canRejoin: boolean; readonly onRejoin: () => Promise<void> }) {
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

/** Picks the screen for the participant's step; the step itself comes from the server (screenFor). */
export function ParticipantScreen(props: ParticipantScreenProps) {
  const { screen, state, me, act } = props;
  const session = state.session;
  const leave = <LeaveButton onLeave={() => act('/leave')} />;
  switch (screen.kind) {
    case 'declined':
      return <KnownNotice kind="declined" />;
    case 'abandoned':
      return <KnownNotice kind="abandoned" />;
    case 'left':
      return <LeftNotice canRejoin={screen.canRejoin} onRejoin={props.onRejoin} />;
    case 'consent':
      return <ConsentScreen state={state} act={act} switchLanguage={props.switchLanguage} />;
    case 'covariates':
      return <CovariatesScreen questions={state.study.covariateQuestions} language={state.participant.language} act={act} />;
    case 'waiting-room':
      return <WaitingRoom footer={leave} />;
    case 'waiting-partner':
      return session ? <WaitingForPartner session={session} seatNumber={state.participant.seatNumber} footer={leave} /> : null;
    case 'instructions':
    case 'instructions-waiting':
      return session?.instructions ? (
        <InstructionsScreen
          instructions={session.instructions}
          language={state.participant.language}
          confirmed={screen.kind === 'instructions-waiting'}
          act={act}
        />
      ) : null;
    case 'survey':
      return (
        <SurveyScreen
          key={`${me.participantId}-${screen.phase}`}
          me={me}
          phase={screen.phase}
          refs={session?.instruments ?? []}
          preloaded={props.preloaded?.phase === screen.phase ? props.preloaded : null}
          language={state.participant.language}
          queue={props.queue}
          onSubmitted={props.onSubmitted}
          onPhaseClosed={() => void props.refresh()}
        />
      );
    case 'survey-waiting':
      return <WaitingAfterPhase phase={screen.phase} />;
    case 'conversation':
      return session?.conversation ? (
        <ConversationScreen
          clock={session.conversation}
          instructions={session.instructions}
          language={state.participant.language}
          offsetMs={props.offsetMs}
          refresh={props.refresh}
        />
      ) : (
        <Finishing />
      );
    case 'phones-away':
      return (
        <PhonesAwayScreen instructions={session?.instructions ?? null} language={state.participant.language} refresh={props.refresh} />
      );
    case 'complete':
      return state.completion ? <CompletionScreen completion={state.completion} withdrawal={state.withdrawal} /> : <Finishing />;
    case 'debrief':
      return state.completion ? <CompletionScreen completion={state.completion} withdrawal={state.withdrawal} endedEarly /> : <Finishing />;
    case 'finishing':
      return <Finishing />;
  }
}
