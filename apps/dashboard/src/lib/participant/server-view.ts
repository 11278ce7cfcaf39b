import 'server-only';
import { getInstrument, type Instrument, instrumentHash } from '@attune/survey';
import { cookies } from 'next/headers';
import { type ApiClient, participantApiClient, settle } from '@/lib/api/client';
import { isTokenShaped, PARTICIPANT_COOKIE } from './participant-cookie';
import { surveyPhaseOf } from './screen';
import type { ParticipantState, Phase, ServerPhase, ServerView } from './types';

/** The phase's instruments as this build ships them, only if each is exactly the one frozen in the session's protocol. */
function shippedInstruments(state: ParticipantState): Instrument[] | null {
  const refs = state.session?.instruments ?? [];
  const found = refs.map((ref) => {
    const instrument = getInstrument(ref.id, ref.version);
    return instrument && instrumentHash(instrument) === ref.hash ? instrument : undefined;
  });
  return found.every((instrument): instrument is Instrument => instrument !== undefined) ? found : null;
}

async function surveyPhase(client: ApiClient, token: string, state: ParticipantState, phase: Phase): Promise<ServerPhase | null> {
  const drafts = await settle(
    client.GET('/api/participant/answers/{phase}', { params: { path: { phase }, header: { 'X-Participant-Token': token } } }),
  );
  const instruments = shippedInstruments(state);
  return drafts.ok && instruments ? { phase, instruments, drafts: drafts.data } : null;
}

/**
 * The participant this phone holds, read with the cookie copy of its token, so /p can render the
 * current screen (for a survey: the current card) into the HTML. Null sends the page back to its
 * static shell, where the phone's JavaScript finds its own way (no cookie yet, a stale token, an
 * API that is down): the server render is a head start, never a gate.
 */
export async function loadServerView(): Promise<ServerView | null> {
  const token = (await cookies()).get(PARTICIPANT_COOKIE)?.value;
  if (!isTokenShaped(token)) return null;
  const client = await participantApiClient(token);
  const state = await settle(client.GET('/api/participant/state', { params: { header: { 'X-Participant-Token': token } } }));
  if (!state.ok) return null;
  const phase = surveyPhaseOf(state.data);
  // A submitted phase shows "waiting for your partner", which needs neither instruments nor drafts.
  const open = phase && !state.data.participant.submittedPhases?.includes(phase) ? phase : null;
  const loaded = open ? await surveyPhase(client, token, state.data, open) : null;
  return { state: state.data, phase: loaded };
}
