import type { components } from './schema';

type Schemas = components['schemas'];

/** One problem with one input field, as the API reports it in problem+json `errors`. */
export type FieldIssue = Readonly<Schemas['ProblemFieldIssue']>;

/**
 * Codes the dashboard reports itself, for failures the API never answered: no connection, a body
 * that is not problem+json, a file of the wrong shape.
 */
type DashboardCode = 'API_UNREACHABLE' | 'UNEXPECTED_RESPONSE' | 'SERVER_ERROR' | 'BAD_CODEBOOK';

/**
 * Every code a problem can carry: the API's, generated from openapi.json (each route's responses
 * list which of them it answers), and the dashboard's own. Switch on this type, so a misspelt or
 * removed code fails the type check.
 */
export type ProblemCode = Schemas['ProblemCode'] | DashboardCode;

/** Sentences for the codes a form explains in its own words; other codes show the API's title. */
export type ProblemMessages = Readonly<Partial<Record<ProblemCode, string>>>;

/** The API's error body (application/problem+json), as openapi.json's Problem schema describes it. */
export interface Problem extends Readonly<Omit<Schemas['Problem'], 'code' | 'errors'>> {
  readonly code: ProblemCode;
  readonly errors?: readonly FieldIssue[];
}

export const API_UNREACHABLE = 'API_UNREACHABLE';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isProblem(value: unknown): value is Problem {
  return isRecord(value) && typeof value['code'] === 'string' && typeof value['status'] === 'number' && typeof value['title'] === 'string';
}

export function unreachableProblem(requestId: string): Problem {
  return {
    type: 'urn:attune:problem:api-unreachable',
    title: 'The Attune API is not reachable',
    status: 502,
    code: API_UNREACHABLE,
    requestId,
  };
}

/** The low-level cause of a failed fetch (ECONNREFUSED…), for one log line; never includes a URL. */
export function fetchFailureReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return (cause as Error & { code?: string }).code ?? cause.name;
  return error instanceof Error ? error.name : 'unknown';
}

/** A non-problem error body (a proxy's HTML page, say) still becomes a Problem callers can switch on. */
export function problemFrom(body: unknown, response: Response): Problem {
  if (isProblem(body)) return body;
  return {
    type: 'about:blank',
    title: response.statusText || 'Unexpected response from the API',
    status: response.status,
    code: 'UNEXPECTED_RESPONSE',
    requestId: response.headers.get('x-request-id') ?? 'unknown',
  };
}

/** Thrown when a page cannot render without the data; error.tsx shows the friendly version. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.code} (${problem.status}), request ${problem.requestId}`);
    this.name = 'ApiError';
  }
}
