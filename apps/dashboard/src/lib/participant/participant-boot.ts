import { clockOffset } from './clock';
import type { Outcome } from './http';
import { joinRefusal, joinStudy, type JoinRefusal } from './join';
import { type ActionBodies, type ActionPath, getState } from './participant-api';
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
  readonly act: <P extends ActionPath>(path: P, body?: ActionBodies[P]) => Promise<Outcome<unknown>>;
  /** After POST /rejoin: the phone continues as the new participant. */
  readonly adopt: (joined: JoinResponse) => Promise<void>;
  /** Before consent only: the participant's language becomes `language` (the choice is audited). */
  readonly switchLanguage: (language: string) => Promise<boolean>;
  readonly retry: () => void;
}

/** The phone's record of its participant, mirrored into the cookie /p's server render reads. */
export function keep(me: StoredParticipant): void {
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
export function settleServerView(me: StoredParticipant): StoredParticipant | null {
  const stored = loadParticipant(localStore);
  if (stored && stored.participantId !== me.participantId) return stored;
  if (!me.token) return null;
  keep(stored ?? me);
  return stored ?? me;
}

export function initialBoot(view: ServerView | null): Boot {
  return view ? { kind: 'ready', me: meFromView(view), state: view.state, offsetMs: 0 } : { kind: 'loading' };
}

/** Drops the seat secret or study code from the address bar once the token is safely stored. */
export function settleUrl(): void {
  if (window.location.pathname !== '/p') window.history.replaceState(null, '', '/p');
}

export async function ensureParticipant(entry: Entry | null): Promise<StoredParticipant | Boot> {
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
 * The state read for `me`: a ready boot (with this phone's clock offset), the end of this
 * participant on this phone (401: the token expired; 410: they withdrew, and the phone forgets
 * them and their answers), or null when the server could not be reached.
 */
export async function readBoot(me: StoredParticipant): Promise<Boot | null> {
  const sentAt = Date.now();
  const outcome = await getState(me.token);
  const receivedAt = Date.now();
  if (outcome.kind === 'ok') {
    const serverNow = outcome.data.session?.conversation?.serverNow;
    return { kind: 'ready', me, state: outcome.data, offsetMs: serverNow ? clockOffset(serverNow, sentAt, receivedAt) : 0 };
  }
  if (outcome.kind === 'problem' && (outcome.problem.status === 401 || outcome.problem.status === 410)) {
    forget();
    if (outcome.problem.status === 410) forgetAnswers(localStore, me.participantId);
    return { kind: outcome.problem.status === 410 ? 'withdrawn' : 'expired' };
  }
  return null;
}
