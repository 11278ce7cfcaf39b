'use client';

import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { callApi } from '@/lib/participant/http';
import { useForgetAnswersWhenDone } from '@/lib/participant/use-forget-when-done';
import { pollInterval, needsHeartbeat, type Screen, screenFor } from '@/lib/participant/screen';
import { localStore } from '@/lib/participant/storage';
import { isPhaseSubmittedHere } from '@/lib/participant/survey-store';
import type { Entry, JoinResponse, Phase, ServerView } from '@/lib/participant/types';
import { type ParticipantSession, useParticipant } from '@/lib/participant/use-participant';
import { BootShell, NoSessionNotice } from './boot-shell';
import { KnownNotice, type NoticeKind } from './notice';
import { ParticipantScreen } from './participant-screen';
import { useAnswerQueue } from './use-answer-queue';

const HEARTBEAT_MS = 10_000;

function useEvery(ms: number | null, work: () => void): void {
  useEffect(() => {
    if (ms === null) return;
    const timer = setInterval(work, ms);
    return () => clearInterval(timer);
  }, [ms, work]);
}

const subscribeNothing = () => () => {};

/** False while hydrating a server render (which must be repeated exactly), true from then on. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

/**
 * Whether this participant's submission of a phase is stored: what the server render knew, and,
 * once hydrated, what this phone was told when the server acknowledged it.
 */
function useSubmitted(view: ServerView | null, participantId: string | null): (phase: Phase) => boolean {
  const hydrated = useHydrated();
  return (phase) =>
    (view?.submitted.includes(phase) ?? false) ||
    (hydrated && participantId !== null && isPhaseSubmittedHere(localStore, participantId, phase));
}

function bootNotice(session: ParticipantSession): NoticeKind | null {
  const { boot } = session;
  if (boot.kind === 'join-refused') return boot.reason;
  if (boot.kind === 'no-session' || boot.kind === 'expired' || boot.kind === 'withdrawn' || boot.kind === 'unreachable') return boot.kind;
  return null;
}

/**
 * The participant's phone, from joining to the completion code: the one client component of the
 * participant pages. It holds no data of its own beyond what the server says and what this phone
 * must keep to lose nothing (the token, answers not yet acknowledged, the place in the survey).
 */
export function ParticipantApp({ entry, view = null }: { readonly entry: Entry | null; readonly view?: ServerView | null }) {
  const session = useParticipant(entry, view);
  const { boot, refresh } = session;
  const me = boot.kind === 'ready' ? boot.me : null;
  const queue = useAnswerQueue(me);
  const [, setSubmittedTick] = useState(0);
  const submitted = useSubmitted(view, me?.participantId ?? null);
  const screen: Screen | null = boot.kind === 'ready' ? screenFor(boot.state, submitted) : null;
  const poll = useCallback(() => void refresh(), [refresh]);
  const beat = useCallback(() => {
    if (me) void callApi('POST', '/heartbeat', { token: me.token });
  }, [me]);
  useForgetAnswersWhenDone(screen, me);
  useEvery(screen ? pollInterval(screen) : null, poll);
  useEvery(screen && needsHeartbeat(screen) ? HEARTBEAT_MS : null, beat);
  const onSubmitted = useCallback(() => {
    setSubmittedTick((tick) => tick + 1);
    void refresh();
  }, [refresh]);

  const notice = bootNotice(session);
  if (notice === 'no-session') return <NoSessionNotice final />;
  if (notice) {
    const retry =
      notice === 'unreachable' || notice === 'busy' ? (
        <button type="button" className="button" onClick={session.retry}>
          Try again
        </button>
      ) : undefined;
    return <KnownNotice kind={notice} action={retry} />;
  }
  if (boot.kind === 'loading' && entry === null) return <BootShell />;
  if (boot.kind !== 'ready' || screen === null) {
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
      <ParticipantScreen
        screen={screen}
        state={boot.state}
        me={boot.me}
        offsetMs={boot.offsetMs}
        queue={queue}
        preloaded={view?.phase ?? null}
        act={session.act}
        refresh={refresh}
        onSubmitted={onSubmitted}
        switchLanguage={session.switchLanguage}
        onRejoin={async () => {
          const joined = await callApi<JoinResponse>('POST', '/rejoin', { token: boot.me.token });
          if (joined.kind === 'ok') await session.adopt(joined.data);
        }}
      />
    </>
  );
}
