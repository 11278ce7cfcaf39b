'use client';

import { type Dispatch, type RefObject, type SetStateAction, startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ActionBodies, ActionPath } from './participant-api';
import { postAction } from './participant-api';
import {
  type Boot,
  ensureParticipant,
  initialBoot,
  keep,
  type ParticipantSession,
  readBoot,
  settleServerView,
  settleUrl,
} from './participant-boot';
import { writeParticipantCookie } from './participant-cookie';
import type { StoredParticipant } from './participant-store';
import type { Entry, JoinResponse, ServerView } from './types';

export type { Boot, ParticipantSession } from './participant-boot';

type SetBoot = Dispatch<SetStateAction<Boot>>;
type MeRef = RefObject<StoredParticipant | null>;

/** Reads the state for `me`; a failed read keeps the last known screen and says "offline". */
function useLoad(setBoot: SetBoot, setOffline: (offline: boolean) => void): (me: StoredParticipant) => Promise<void> {
  return useCallback(
    async (me: StoredParticipant) => {
      const next = await readBoot(me);
      if (next === null) {
        setOffline(true);
        setBoot((current) => (current.kind === 'ready' ? current : { kind: 'unreachable' }));
        return;
      }
      setOffline(false);
      // A transition: React renders the new screen in slices and keeps the phone responsive.
      if (next.kind === 'ready') startTransition(() => setBoot(next));
      else setBoot(next);
    },
    [setBoot, setOffline],
  );
}

/** After hydrating a server-rendered /p: the phone's own record decides who it is (see settleServerView). */
function useSettleServerView(view: ServerView | null, meRef: MeRef, load: (me: StoredParticipant) => Promise<void>, setBoot: SetBoot) {
  const viewSettled = useRef(false);
  useEffect(() => {
    if (!view || viewSettled.current || !meRef.current) return;
    viewSettled.current = true;
    const rendered = meRef.current;
    const me = settleServerView(rendered);
    if (!me) {
      startTransition(() => setBoot({ kind: 'no-session' }));
      return;
    }
    meRef.current = me;
    const other = me.participantId !== rendered.participantId || me.token !== rendered.token;
    // The server's state is fresh; it is read again only for another participant or to align a clock.
    if (other || view.state.session?.conversation) void load(me);
  }, [view, load, meRef, setBoot]);
}

interface JoinOptions {
  readonly entry: Entry | null;
  readonly view: ServerView | null;
  readonly attempt: number;
  readonly meRef: MeRef;
  readonly joining: RefObject<Promise<StoredParticipant | Boot> | null>;
  readonly load: (me: StoredParticipant) => Promise<void>;
  readonly setBoot: SetBoot;
}

/** Joins (or resumes with the stored token) once per page and attempt, then reads the state. */
function useJoin({ entry, view, attempt, meRef, joining, load, setBoot }: JoinOptions): void {
  useEffect(() => {
    // A server-rendered first visit is settled by useSettleServerView; a retry after it joins like any other.
    if (view && attempt === 0) return;
    let live = true;
    // One join per page, even when React runs this effect twice in development.
    joining.current ??= ensureParticipant(entry);
    void joining.current.then(async (result) => {
      if (!live) return;
      if (!('token' in result)) {
        joining.current = null;
        startTransition(() => setBoot(result));
        return;
      }
      meRef.current = result;
      writeParticipantCookie(result.token);
      settleUrl();
      await load(result);
    });
    return () => {
      live = false;
    };
  }, [entry, view, load, attempt, meRef, joining, setBoot]);
}

/** What the screens may do: each POST is followed by a fresh state, so the screen follows the server. */
function useActions(meRef: MeRef, load: (me: StoredParticipant) => Promise<void>) {
  const refresh = useCallback(async () => {
    if (meRef.current) await load(meRef.current);
  }, [load, meRef]);
  const act = useCallback(
    async <P extends ActionPath>(path: P, body?: ActionBodies[P]) => {
      const me = meRef.current;
      if (!me) return { kind: 'offline' } as const;
      const outcome = await postAction(path, me.token, body);
      await load(me);
      return outcome;
    },
    [load, meRef],
  );
  const adopt = useCallback(
    async (joined: JoinResponse) => {
      const me: StoredParticipant = { token: joined.token, participantId: joined.participantId, entry: meRef.current?.entry ?? 'rejoin' };
      keep(me);
      meRef.current = me;
      await load(me);
    },
    [load, meRef],
  );
  // Before consent only: the API refuses it afterwards (LANGUAGE_LOCKED), and the picker is gone then.
  const switchLanguage = useCallback(async (language: string) => (await act('/language', { language })).kind === 'ok', [act]);
  return { refresh, act, adopt, switchLanguage };
}

/**
 * The participant's identity (a capability token in localStorage) and the server's view of their
 * session. Joining happens here, on the phone, once; every later visit resumes with the token.
 */
export function useParticipant(entry: Entry | null, view: ServerView | null = null): ParticipantSession {
  const [boot, setBoot] = useState<Boot>(() => initialBoot(view));
  const [offline, setOffline] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const meRef = useRef<StoredParticipant | null>(boot.kind === 'ready' ? boot.me : null);
  const joining = useRef<Promise<StoredParticipant | Boot> | null>(null);
  const load = useLoad(setBoot, setOffline);
  useSettleServerView(view, meRef, load, setBoot);
  useJoin({ entry, view, attempt, meRef, joining, load, setBoot });
  const actions = useActions(meRef, load);
  const retry = useCallback(() => {
    joining.current = null;
    setBoot({ kind: 'loading' });
    setAttempt((value) => value + 1);
  }, []);
  return { boot, offline, ...actions, retry };
}
