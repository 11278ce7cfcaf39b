import { useEffect } from 'react';
import { formatClock, spokenClock } from '@/lib/participant/clock';
import { useParticipantContext } from '@/lib/participant/participant-context';
import type { OwnSession } from '@/lib/participant/types';
import { useCountdown } from '@/lib/participant/use-countdown';
import { useWakeLock } from '@/lib/participant/use-wake-lock';

type Clock = NonNullable<OwnSession['conversation']>;
type Instructions = OwnSession['instructions'];

const TIME_UP_POLL_MS = 2_000;

export function TopicCard({ instructions, language }: { readonly instructions: Instructions; readonly language: string }) {
  const topics = instructions?.topics ?? [];
  return (
    <div className="topic-card" data-testid="topic-card">
      <h2>Your conversation</h2>
      {topics.map((topic) => (
        <p key={topic} className="topic" lang={language}>
          {topic}
        </p>
      ))}
      {instructions?.conversation ? <p lang={language}>{instructions.conversation}</p> : null}
    </div>
  );
}

/** The server moves the session on when it is next asked after the end time; ask until it has. */
function useAskWhenOver(over: boolean, refresh: () => Promise<void>): void {
  useEffect(() => {
    if (!over) return;
    void refresh();
    const timer = setInterval(() => void refresh(), TIME_UP_POLL_MS);
    return () => clearInterval(timer);
  }, [over, refresh]);
}

/** Online only (no experimenter): the topic card and the shared timer; both phones count down to the server's end time. */
export function ConversationScreen({ clock }: { readonly clock: Clock }) {
  const { state, offsetMs, refresh } = useParticipantContext();
  const language = state.participant.language;
  const left = useCountdown(clock.endsAt, offsetMs, clock.serverNow);
  const wakeLock = useWakeLock();
  const over = left <= 0;
  useAskWhenOver(over, refresh);
  return (
    <section className="p-card conversation" aria-labelledby="conversation-title">
      <h1 id="conversation-title" tabIndex={-1}>
        Talk with your partner
      </h1>
      <TopicCard instructions={state.session?.instructions ?? null} language={language} />
      <p className="timer" role="timer" aria-label="Time left" data-testid="timer">
        {formatClock(left)}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {spokenClock(left)}
      </p>
      <p className="muted">
        {over ? 'Time is up. The questions open in a moment.' : 'Put your phone aside; it will show the questions when the time is up.'}
        {wakeLock === 'on' ? ' The screen stays on.' : null}
      </p>
    </section>
  );
}
