import { type ApiClient, createApiClient, must, type Schemas } from './client';
import { endConversation, type LabSession, labSession, seatSecret, startConversation } from './studies';

export type Phase = 'pre' | 'post';
/** instrument id → item id → answer, as a phase is submitted. */
export type PhaseAnswers = Schemas['SubmitPhaseRequest']['answers'];
export type ParticipantState = Schemas['ParticipantStateResponse'];

/**
 * A participant's phone: the capability token from joining. openapi.json declares the token header
 * on every participant route, so each call passes `header` and the types check it is there.
 */
export interface Participant {
  readonly client: ApiClient;
  readonly token: string;
  readonly participantId: string;
  readonly header: { readonly 'X-Participant-Token': string };
}

/** A phone already holding a token (e.g. one read from a browser's storage). */
export function participantOf(baseUrl: string, token: string, participantId = ''): Participant {
  return { client: createApiClient(baseUrl), token, participantId, header: { 'X-Participant-Token': token } };
}

/** Joins by seat link, session code or study link. */
export async function join(baseUrl: string, body: Schemas['JoinRequest']): Promise<Participant> {
  const joined = await must(createApiClient(baseUrl).POST('/api/participant/join', { body }), 'join');
  return participantOf(baseUrl, joined.token, joined.participantId);
}

/** Consents (version 1) and answers the participant covariates: the seat is then ready to be allocated. */
export async function consentAndAnswer(participant: Participant, values: Record<string, string> = { acquainted: 'strangers' }) {
  const params = { header: participant.header };
  await must(participant.client.POST('/api/participant/consent', { params, body: { consentVersion: '1', agree: true } }), 'consent');
  await must(participant.client.POST('/api/participant/covariates', { params, body: { values } }), 'covariates');
}

/** Joins a lab seat by its link, consents and answers the covariates. */
export async function readyAtSeat(baseUrl: string, session: LabSession, seatNumber: number, values?: Record<string, string>) {
  const participant = await join(baseUrl, { seatSecret: seatSecret(session, seatNumber) });
  await consentAndAnswer(participant, values);
  return participant;
}

export function confirmInstructions(participant: Participant): Promise<void> {
  return must(
    participant.client.POST('/api/participant/instructions/confirm', { params: { header: participant.header } }),
    'confirm instructions',
  );
}

/** Submits a phase once; the idempotency key is the participant's and the phase's, so a retry repeats it. */
export function submitPhase(participant: Participant, phase: Phase, answers: PhaseAnswers): Promise<Schemas['PhaseSubmittedResponse']> {
  const params = { path: { phase }, header: { ...participant.header, 'Idempotency-Key': `${phase}-${participant.token.slice(-12)}` } };
  return must(participant.client.POST('/api/participant/phases/{phase}/submit', { params, body: { answers } }), `${phase} submit`);
}

export function participantState(participant: Participant): Promise<ParticipantState> {
  return must(participant.client.GET('/api/participant/state', { params: { header: participant.header } }), 'state');
}

/** What the API holds for this participant and phase, drafts and submitted. */
export function storedAnswers(participant: Participant, phase: Phase): Promise<Schemas['PhaseAnswersResponse']> {
  return must(
    participant.client.GET('/api/participant/answers/{phase}', { params: { path: { phase }, header: participant.header } }),
    `${phase} answers`,
  );
}

export interface DyadRun {
  readonly session: LabSession;
  readonly members: readonly Participant[];
}

/**
 * A lab session run to completion over HTTP, as the phones and the research assistant would:
 * every seat ready and confirmed, the pre-survey, the console-timed conversation, the post-survey.
 * `answers(phase, seatIndex)` gives each member's answers.
 */
export async function completedSession(
  researcher: ApiClient,
  baseUrl: string,
  studyId: string,
  answers: (phase: Phase, seatIndex: number) => PhaseAnswers,
): Promise<DyadRun> {
  const session = await labSession(researcher, studyId);
  const members: Participant[] = [];
  for (const seat of session.seats) members.push(await readyAtSeat(baseUrl, session, seat.seatNumber));
  for (const member of members) await confirmInstructions(member);
  for (const [i, member] of members.entries()) await submitPhase(member, 'pre', answers('pre', i));
  await startConversation(researcher, studyId, session.id);
  await endConversation(researcher, studyId, session.id);
  for (const [i, member] of members.entries()) await submitPhase(member, 'post', answers('post', i));
  return { session, members };
}
