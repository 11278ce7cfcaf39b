import type { AnswerValue } from '@attune/survey';
import createClient from 'openapi-fetch';
import { isProblem, type Problem } from '@/lib/api/problem';
import type { components, paths } from '@/lib/api/schema';
import { type Outcome, retryAfterMs } from './http';

/**
 * The API as the phone calls it: the client generated from openapi.json, so every path, parameter
 * and body is checked against what the API documents. It goes through the dashboard's same-origin
 * pass-through (/api/…), so the phone needs no CORS and never learns the API's own address; it sends
 * no cookies, because a participant is known by the token header alone.
 */
export const browserApi = createClient<paths>({ cache: 'no-store', credentials: 'omit', headers: { accept: 'application/json' } });

/** The capability token where every participant route expects it. */
export function asParticipant(token: string) {
  return { header: { 'X-Participant-Token': token } } as const;
}

function fallbackProblem(response: Response): Problem {
  return {
    type: 'about:blank',
    title: response.statusText || 'Unexpected response',
    status: response.status,
    code: response.status >= 500 ? 'SERVER_ERROR' : 'UNEXPECTED_RESPONSE',
    requestId: response.headers.get('x-request-id') ?? 'unknown',
  };
}

interface RawResult<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * An openapi-fetch call as an Outcome. Never throws: a failed fetch (no network, or a body the
 * browser could not read) is `offline`, so callers decide between retrying and telling the participant.
 */
export async function outcomeOf<T>(call: Promise<RawResult<T>>): Promise<Outcome<T>> {
  let result: RawResult<T>;
  try {
    result = await call;
  } catch {
    return { kind: 'offline' };
  }
  const { data, error, response } = result;
  if (response.ok) return { kind: 'ok', status: response.status, data: data as T };
  const problem = isProblem(error) ? error : fallbackProblem(response);
  return { kind: 'problem', problem, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
}

type Schemas = components['schemas'];

/** The participant's own steps, each a POST that changes their state (the screens' `act`). */
export interface ActionBodies {
  readonly '/consent': Schemas['ConsentRequest'];
  readonly '/covariates': Schemas['CovariatesRequest'];
  readonly '/language': Schemas['LanguageRequest'];
  readonly '/instructions/confirm': undefined;
  readonly '/leave': undefined;
}

export type ActionPath = keyof ActionBodies;

/** One step, by its path, with the body the API documents for it. */
export function postAction<P extends ActionPath>(path: P, token: string, body?: ActionBodies[P]): Promise<Outcome<unknown>> {
  const params = asParticipant(token);
  switch (path) {
    case '/consent':
      return outcomeOf(browserApi.POST('/api/participant/consent', { params, body: body as ActionBodies['/consent'] }));
    case '/covariates':
      return outcomeOf(browserApi.POST('/api/participant/covariates', { params, body: body as ActionBodies['/covariates'] }));
    case '/language':
      return outcomeOf(browserApi.POST('/api/participant/language', { params, body: body as ActionBodies['/language'] }));
    case '/instructions/confirm':
      return outcomeOf(browserApi.POST('/api/participant/instructions/confirm', { params }));
    default:
      return outcomeOf(browserApi.POST('/api/participant/leave', { params }));
  }
}

export type JoinRequest = Schemas['JoinRequest'];

export function postJoin(body: JoinRequest): Promise<Outcome<Schemas['JoinResponse']>> {
  return outcomeOf(browserApi.POST('/api/participant/join', { body }));
}

export function postRejoin(token: string): Promise<Outcome<Schemas['JoinResponse']>> {
  return outcomeOf(browserApi.POST('/api/participant/rejoin', { params: asParticipant(token) }));
}

export function postHeartbeat(token: string): Promise<Outcome<unknown>> {
  return outcomeOf(browserApi.POST('/api/participant/heartbeat', { params: asParticipant(token) }));
}

export function getState(token: string): Promise<Outcome<Schemas['ParticipantStateResponse']>> {
  return outcomeOf(browserApi.GET('/api/participant/state', { params: asParticipant(token) }));
}

/** The caller's own answers to a phase so far, and whether the server holds its submission. */
export function getDrafts(token: string, phase: 'pre' | 'post'): Promise<Outcome<Schemas['PhaseAnswersResponse']>> {
  return outcomeOf(browserApi.GET('/api/participant/answers/{phase}', { params: { ...asParticipant(token), path: { phase } } }));
}

/** One answer as it is given (the answer queue's send); `null` clears the item. */
export function putAnswer(
  token: string,
  target: { readonly phase: 'pre' | 'post'; readonly instrumentId: string; readonly itemId: string },
  value: AnswerValue | null,
): Promise<Outcome<unknown>> {
  return outcomeOf(
    browserApi.PUT('/api/participant/answers/{phase}/{instrumentId}/{itemId}', {
      params: { ...asParticipant(token), path: target },
      // A copy: the body type wants a mutable list, and the phone's answers are frozen.
      body: { value: Array.isArray(value) ? [...value] : (value as Schemas['SaveAnswerRequest']['value']) },
    }),
  );
}

/** The once-only submit of a phase; every retry sends the same Idempotency-Key and body. */
export function postSubmit(
  token: string,
  phase: 'pre' | 'post',
  idempotencyKey: string,
  answers: Schemas['SubmitPhaseRequest']['answers'],
): Promise<Outcome<unknown>> {
  return outcomeOf(
    browserApi.POST('/api/participant/phases/{phase}/submit', {
      params: { header: { 'X-Participant-Token': token, 'Idempotency-Key': idempotencyKey }, path: { phase } },
      body: { answers },
    }),
  );
}

/** A withdrawal by its code: public, no token. The caller reads the status, body and Retry-After itself. */
export async function postWithdrawal(code: string): Promise<{ status: number; body: unknown; retryAfter: string | null } | null> {
  try {
    const { data, error, response } = await browserApi.POST('/api/withdrawals', { body: { code } });
    return { status: response.status, body: data ?? error, retryAfter: response.headers.get('retry-after') };
  } catch {
    return null;
  }
}
