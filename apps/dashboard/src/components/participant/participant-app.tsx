'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnswerQueue } from '@/lib/participant/answer-queue';
import { postHeartbeat, postRejoin } from '@/lib/participant/participant-api';
import { type ParticipantContextValue, ParticipantProvider } from '@/lib/participant/participant-context';
import type { StoredParticipant } from '@/lib/participant/participant-store';
import { pollInterval, needsHeartbeat, type Screen, screenFor, submittedIn } from '@/lib/participant/screen';
import type { Entry, Phase, ServerView } from '@/lib/participant/types';
import { useForgetAnswersWhenDone } from '@/lib/participant/use-forget-when-done';
import { type ParticipantSession, useParticipant } from '@/lib/participant/use-participant';
import { BootShell, NoSessionNotice } from './boot-shell';
import { KnownNotice, type NoticeKind } from './notice';
import { ScreenFor } from './participant-screen';
import { useAnswerQueue } from './use-answer-queue';

const HEARTBEAT_MS = 10_000;

function useEvery(ms: number | null, work: () => void): void {
  useEffect(() => {
    if (ms === null) return;
    const timer = setInterval(work, ms);
    return () => clearInterval(timer);
  }, [ms, work]);
}

const NONE: readonly Phase[] = [];

/**
 * The phases whose submit the server acknowledged on this page (see submittedIn), kept per
 * participant: after a rejoin the phone is someone new.
 */
function useAcknowledged(me: StoredParticipant | null) {
  const [acknowledged, setAcknowledged] = useState<Readonly<Record<string, readonly Phase[]>>>({});
  const participantId = me?.participantId ?? '';
  const acknowledge = useCallback(
    (phase: Phase) =>
      setAcknowledged((current) => {
        const known = current[participantId] ?? [];
        return known.includes(phase) ? current : { ...current, [participantId]: [...known, phase] };
      }),
    [participantId],
  );
  return [acknowledged[participantId] ?? NONE, acknowledge] as const;
}

/** While a screen waits on others it re-reads the state, and keeps the seat alive with heartbeats. */
function useScreenUpkeep(screen: Screen | null, me: StoredParticipant | null, refresh: () => Promise<void>): void {
  const poll = useCallback(() => void refresh(), [refresh]);
  const beat = useCallback(() => {
    if (me) void postHeartbeat(me.token);
  }, [me]);
  useForgetAnswersWhenDone(screen, me);
  useEvery(screen ? pollInterval(screen) : null, poll);
  useEvery(screen && needsHeartbeat(screen) ? HEARTBEAT_MS : null, beat);
}

/** The participant shared with every screen (ParticipantProvider); null until the state is known. */
function useContextValue(
  session: ParticipantSession,
  queue: AnswerQueue | null,
  view: ServerView | null,
  acknowledge: (phase: Phase) => void,
): ParticipantContextValue | null {
  const { boot, act, refresh, adopt, switchLanguage } = session;
  const onSubmitted = useCallback(
    (phase: Phase) => {
      acknowledge(phase);
      void refresh();
    },
    [acknowledge, refresh],
  );
  return useMemo(() => {
    if (boot.kind !== 'ready') return null;
    const { me, state, offsetMs } = boot;
    const onRejoin = async () => {
      const joined = await postRejoin(me.token);
      if (joined.kind === 'ok') await adopt(joined.data);
    };
    return { me, state, offsetMs, queue, preloaded: view?.phase ?? null, act, refresh, onSubmitted, onRejoin, switchLanguage };
  }, [boot, queue, view, act, refresh, onSubmitted, adopt, switchLanguage]);
}

function bootNotice(session: ParticipantSession): NoticeKind | null {
  const { boot } = session;
  if (boot.kind === 'join-refused') return boot.reason;
  if (boot.kind === 'no-session' || boot.kind === 'expired' || boot.kind === 'withdrawn' || boot.kind === 'unreachable') return boot.kind;
  return null;
}

function BootNotice({ notice, retry }: { readonly notice: NoticeKind; readonly retry: () => void }) {
  if (notice === 'no-session') return <NoSessionNotice final />;
  const again =
    notice === 'unreachable' || notice === 'busy' ? (
      <button type="button" className="button" onClick={retry}>
        Try again
      </button>
    ) : undefined;
  return <KnownNotice kind={notice} action={again} />;
}

/**
 * The participant's phone, from joining to the completion code: the one client component of the
 * participant pages. It holds no data of its own beyond what the server says and what this phone
 * must keep to lose nothing (the token, answers not yet acknowledged, the place in the survey).
 */
export function ParticipantApp({ entry, view = null }: { readonly entry: Entry | null; readonly view?: ServerView | null }) {
  const session = useParticipant(entry, view);
  const { boot } = session;
  const me = boot.kind === 'ready' ? boot.me : null;
  const queue = useAnswerQueue(me);
  const [acknowledged, acknowledge] = useAcknowledged(me);
  const screen: Screen | null = boot.kind === 'ready' ? screenFor(boot.state, submittedIn(boot.state, acknowledged)) : null;
  useScreenUpkeep(screen, me, session.refresh);
  const participant = useContextValue(session, queue, view, acknowledge);
  const notice = bootNotice(session);
  if (notice) return <BootNotice notice={notice} retry={session.retry} />;
  if (boot.kind === 'loading' && entry === null) return <BootShell />;
  if (participant === null || screen === null) {
    return (
      <section className="p-card" aria-busy="true">
        <h1>Opening your study session…</h1>
      </section>
    );
  }
  return (
    <>
      {session.offline ? (
        <p className="connection-note" role="status">
          No connection. Retrying; your answers are kept on this phone.
        </p>
      ) : null}
      <ParticipantProvider value={participant}>
        <ScreenFor screen={screen} />
      </ParticipantProvider>
    </>
  );
}
