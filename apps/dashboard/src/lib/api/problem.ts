/** One problem with one input field, as the API reports it in problem+json `errors`. */
export interface FieldIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** The API's error body (application/problem+json). Not in openapi.json, so typed here. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly errors?: readonly FieldIssue[];
  readonly requestId: string;
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
