'use client';

import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { clockOffset } from './clock';
import { callApi, type Outcome } from './http';
import { joinRefusal, joinStudy, type JoinRefusal } from './join';
import { clearParticipantCookie, readParticipantCookie, writeParticipantCookie } from './participant-cookie';
import { entryKey, forgetParticipant, loadParticipant, saveParticipant, type StoredParticipant } from './participant-store';
import { localStore } from './storage';
import { forgetAnswers } from './survey-store';
import type { Entry, JoinResponse, ParticipantState, ServerView } from './types';

export type Boot =
  | { readonly kind: 'loading' }
  | { readonly kind: 'no-session' }
  | { readonly kind: 'join-refused'; readonly reason: JoinRefusal }
  | { readonly kind: 'expired' }
  | { readonly kind: 'withdrawn' }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'ready'; readonly me: StoredParticipant; readonly state: ParticipantState; readonly offsetMs: number };

export interface ParticipantSession {
  readonly boot: Boot;
  /** The last state read failed for want of a network; the screen keeps the last known state. */
  readonly offline: boolean;
  readonly refresh: () => Promise<void>;
  /** A POST of the participant API, then a fresh state. */
  readonly act: (path: string, body?: unknown) => Promise<Outcome<unknown>>;
  /** After POST /rejoin: the phone continues as the new participant. */
  readonly adopt: (joined: JoinResponse) => Promise<void>;
  /** Before consent only: the participant's language becomes `language` (the choice is audited). */
  readonly switchLanguage: (language: string) => Promise<boolean>;
  readonly retry: () => void;
}

/** The phone's record of its participant, mirrored into the cookie /p's server render reads. */
function keep(me: StoredParticipant): void {
  saveParticipant(localStore, me);
  writeParticipantCookie(me.token);
}

function forget(): void {
  forgetParticipant(localStore);
  clearParticipantCookie();
}

/**
 * Who this phone is when /p was rendered on the server. There only the participant's id is known
 * (the token stays out of the HTML); in the browser the phone's own record supplies the token, or
 * else the cookie the server read it from.
 */
function meFromView(view: ServerView): StoredParticipant {
  const id = view.state.participant.id;
  const stored = loadParticipant(localStore);
  if (stored?.participantId === id) return stored;
  return { token: readParticipantCookie() ?? '', participantId: id, entry: 'resumed' };
}

/**
 * After hydrating a server-rendered /p: localStorage is the phone's record and wins over the
 * cookie (a different participant there means the cookie was stale); a cookie alone is adopted.
 */
function settleServerView(me: StoredParticipant): StoredParticipant | null {
  const stored = loadParticipant(localStore);
  if (stored && stored.participantId !== me.participantId) return stored;
  if (!me.token) return null;
  keep(stored ?? me);
  return stored ?? me;
}

function initialBoot(view: ServerView | null): Boot {
  return view ? { kind: 'ready', me: meFromView(view), state: view.state, offsetMs: 0 } : { kind: 'loading' };
}

/** Drops the seat secret or study code from the address bar once the token is safely stored. */
function settleUrl(): void {
  if (window.location.pathname !== '/p') window.history.replaceState(null, '', '/p');
}

async function ensureParticipant(entry: Entry | null): Promise<StoredParticipant | Boot> {
  const stored = loadParticipant(localStore);
  // The same link opened again (a reload, a second scan of the QR code) resumes; a new link joins.
  if (stored && (entry === null || stored.entry === entryKey(entry))) return stored;
  if (entry === null) return { kind: 'no-session' };
  const joined = await joinStudy(entry);
  if (joined.kind === 'offline') return { kind: 'unreachable' };
  if (joined.kind === 'problem') {
    return joined.problem.status >= 500 ? { kind: 'unreachable' } : { kind: 'join-refused', reason: joinRefusal(joined.problem.code) };
  }
  const me: StoredParticipant = { token: joined.data.token, participantId: joined.data.participantId, entry: entryKey(entry) };
  keep(me);
  return me;
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
  const viewSettled = useRef(false);

  const load = useCallback(async (me: StoredParticipant): Promise<void> => {
    const sentAt = Date.now();
    const outcome = await callApi<ParticipantState>('GET', '/state', { token: me.token });
    const receivedAt = Date.now();
    if (outcome.kind === 'ok') {
      const serverNow = outcome.data.session?.conversation?.serverNow;
      const offsetMs = serverNow ? clockOffset(serverNow, sentAt, receivedAt) : 0;
      setOffline(false);
      // A transition: React renders the new screen in slices and keeps the phone responsive.
      startTransition(() => setBoot({ kind: 'ready', me, state: outcome.data, offsetMs }));
      return;
    }
    // 410: this participant withdrew; the phone forgets them like an expired link.
    if (outcome.kind === 'problem' && (outcome.problem.status === 401 || outcome.problem.status === 410)) {
      forget();
      if (outcome.problem.status === 410) forgetAnswers(localStore, me.participantId);
      setBoot({ kind: outcome.problem.status === 410 ? 'withdrawn' : 'expired' });
      return;
    }
    setOffline(true);
    setBoot((current) => (current.kind === 'ready' ? current : { kind: 'unreachable' }));
  }, []);

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
  }, [view, load]);

  useEffect(() => {
    // A server-rendered first visit is settled above; a retry after it joins like any other.
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
  }, [entry, view, load, attempt]);

  const refresh = useCallback(async () => {
    if (meRef.current) await load(meRef.current);
  }, [load]);

  const act = useCallback(
    async (path: string, body?: unknown) => {
      const me = meRef.current;
      if (!me) return { kind: 'offline' } as const;
      const outcome = await callApi<unknown>('POST', path, { token: me.token, body });
      await load(me);
      return outcome;
    },
    [load],
  );

  const adopt = useCallback(
    async (joined: JoinResponse) => {
      const previous = meRef.current;
      const me: StoredParticipant = { token: joined.token, participantId: joined.participantId, entry: previous?.entry ?? 'rejoin' };
      keep(me);
      meRef.current = me;
      await load(me);
    },
    [load],
  );

  // Before consent only: the API refuses it afterwards (LANGUAGE_LOCKED), and the picker is gone then.
  const switchLanguage = useCallback(async (language: string) => (await act('/language', { language })).kind === 'ok', [act]);

  const retry = useCallback(() => {
    joining.current = null;
    setBoot({ kind: 'loading' });
    setAttempt((value) => value + 1);
  }, []);

  return { boot, offline, refresh, act, adopt, switchLanguage, retry };
}
