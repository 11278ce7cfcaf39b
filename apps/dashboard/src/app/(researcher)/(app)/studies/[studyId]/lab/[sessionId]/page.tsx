import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getSession, type SessionDetail } from '@/lib/api/lab-sessions';
import { endAction, startAction } from './actions';
import { AutoRefresh } from '@/components/auto-refresh';
import { ConsoleButton, ConsoleClock } from './console-controls';

export const metadata: Metadata = { title: 'Lab console' };

type Room = NonNullable<SessionDetail['room']>;

const STEP: Readonly<Record<SessionDetail['status'], string>> = {
  forming: 'Waiting for the participants to join and consent',
  allocated: 'Allocated: participants read their instructions',
  pre_survey: 'Pre-survey on the phones',
  conversation: 'Conversation',
  post_survey: 'Post-survey on the phones',
  complete: 'Complete',
  ended_early: 'Ended early (a participant left)',
  abandoned: 'Abandoned',
};

/** What to place where, for the research assistant only: the phones never see this. */
function RoomSetup({ room }: { readonly room: Room }) {
  return (
    <section className="card" aria-labelledby="room-heading" data-testid="room-setup">
      <h2 id="room-heading">Set the room</h2>
      <dl className="room-levels">
        {room.levels.map((level) => (
          <div key={level.factorId}>
            <dt>
              {level.factorLabel}: <strong>{level.levelLabel}</strong>
            </dt>
            <dd>{level.setup ?? 'Nothing to prepare for this level.'}</dd>
            {level.participantInstructions ? (
              <dd className="muted">The phones tell the participants: “{level.participantInstructions}”</dd>
            ) : null}
            {level.topicPrompt ? <dd className="muted">Topic on the phones: “{level.topicPrompt}”</dd> : null}
          </div>
        ))}
      </dl>
      <p className="muted">Participants put their own phones away before the conversation in every condition.</p>
    </section>
  );
}

function Conversation({ studyId, session }: { readonly studyId: string; readonly session: SessionDetail }) {
  const minutes = Math.round((session.room?.conversationSeconds ?? 0) / 60);
  if (session.status !== 'conversation') {
    return session.conversationEndedAt ? (
      <p>The conversation ended at {new Date(session.conversationEndedAt).toISOString().slice(11, 19)} UTC.</p>
    ) : null;
  }
  if (!session.conversation) {
    return (
      <>
        <p>When the room is set, the participants sit as instructed and their phones are away, start the {minutes}-minute conversation.</p>
        <ConsoleButton action={startAction.bind(null, studyId, session.id)} label={`Start the ${minutes}-minute conversation`} />
      </>
    );
  }
  return (
    <>
      <ConsoleClock endsAt={session.conversation.endsAt} serverNow={session.serverNow} />
      <ConsoleButton action={endAction.bind(null, studyId, session.id)} label="End the conversation now" secondary />
    </>
  );
}

function Seats({ seats }: { readonly seats: SessionDetail['seats'] }) {
  return (
    <ul>
      {seats.map((seat) => (
        <li key={seat.participantId}>
          Seat {seat.seatNumber}: {seat.status}
          {seat.instructionsConfirmed ? ', ready' : ''}
        </li>
      ))}
    </ul>
  );
}

/** The research assistant's console for one lab session: room set-up, the shared timer, the seats. */
export default async function LabConsolePage({ params }: { readonly params: Promise<{ studyId: string; sessionId: string }> }) {
  const { studyId, sessionId } = await params;
  const result = await getSession(studyId, sessionId);
  if (!result.ok) {
    if (result.problem.status === 404 || result.problem.status === 400) notFound();
    return (
      <p className="alert" role="alert">
        The session could not be loaded ({result.problem.title}).
      </p>
    );
  }
  const session = result.data;
  return (
    <>
      <AutoRefresh />
      <h1>
        Lab console: session <span className="mono">{session.code}</span>
      </h1>
      <p data-testid="console-step">
        {STEP[session.status]}
        {session.incomplete ? ' (incomplete)' : ''}
      </p>
      {session.room ? (
        <RoomSetup room={session.room} />
      ) : (
        <p className="muted">The room set-up appears once every seat has consented and the session is allocated.</p>
      )}
      <section aria-labelledby="conversation-heading" className="after-card">
        <h2 id="conversation-heading">Conversation</h2>
        <Conversation studyId={studyId} session={session} />
      </section>
      <h2 className="after-card">Seats</h2>
      <Seats seats={session.seats} />
    </>
  );
}
