import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiExtension, ApiExtraModels, ApiOperation } from '@nestjs/swagger';
import { CommonErrors } from '../common/errors/common.errors';
import type { DomainError, DomainErrorOptions } from '../common/errors/domain-error';
import { Problem } from './problem.schema';

/** One domain error code a route can answer, with the status and title its error table gives it. */
export interface ProblemCode {
  readonly code: string;
  readonly status: number;
  readonly title: string;
}

// Any class built by defineErrors; `never` accepts every table's code parameter.
type ErrorClass = new (code: never, options?: DomainErrorOptions) => DomainError;

/**
 * Codes of one error table, type-checked against it: `problems(SessionError, 'SESSION_FULL')`.
 * Status and title are read from an instance, so the documentation cannot drift from the table.
 */
export function problems<C extends ErrorClass>(errors: C, ...codes: ReadonlyArray<ConstructorParameters<C>[0]>): ProblemCode[] {
  const make = errors as unknown as new (code: string) => DomainError;
  return codes.map((code) => {
    const error = new make(code as string);
    return { code: error.code, status: error.status, title: error.title };
  });
}

// The input guard checks every request's path, query and body (NUL, lone surrogates, prototype
// keys, depth) before any pipe or DTO does: every route can answer this 400.
export const INPUT = problems(CommonErrors, 'VALIDATION_FAILED');
// The JSON parser reads a body sent with any POST, PUT or DELETE, before the route runs, even one the route ignores.
export const BODY = problems(CommonErrors, 'MALFORMED_JSON', 'MALFORMED_BODY', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE');
/** A per-address or per-participant budget; the 429 carries Retry-After. */
export const RATE_LIMIT = problems(CommonErrors, 'RATE_LIMITED');
/** Problems no operation lists because any request can get them (see the document's description). */
export const ANY_ROUTE = problems(CommonErrors, 'MALFORMED_URL', 'INVALID_CLIENT_ADDRESS', 'NOT_FOUND', 'INTERNAL');

/** Who may call a route. Study roles rank owner > researcher > analyst, per study. */
export type Caller = 'public' | 'participant' | 'signed-in' | 'admin' | 'analyst' | 'researcher' | 'owner';

const WHO: Record<Caller, string> = {
  public: 'anyone, without signing in.',
  participant: 'a participant, by the `X-Participant-Token` header (the `atp_…` token from join); no cookie, no CSRF header.',
  'signed-in': 'any signed-in user (session cookie or personal access token).',
  admin: 'administrators only.',
  analyst: 'members of the study in any role: analyst, researcher or owner. A non-member gets 404, as if the study did not exist.',
  researcher: "the study's researchers and owners. An analyst gets 403 `ROLE_REQUIRED`; a non-member 404.",
  owner: "the study's owners. Researchers and analysts get 403 `ROLE_REQUIRED`; a non-member 404.",
};

export interface OperationDoc {
  /** Short and imperative: "Launch a study". */
  readonly summary: string;
  readonly who: Caller;
  /** What it does and its notable rules; the "Who" line is prepended. */
  readonly description: string;
  /** POST, PUT or DELETE: a body is parsed, and cookie sessions must send the CSRF header. */
  readonly changes?: boolean;
  /** The route's own problems beyond its caller's and its input's: RATE_LIMIT, problems(FeatureError, …). */
  readonly problems?: ReadonlyArray<readonly ProblemCode[]>;
}

/** The operation extension ApiDoc leaves for the document builder, which replaces it with the problem responses. */
export const PROBLEMS_EXTENSION = 'x-attune-problems';

export interface ProblemsNote {
  readonly who: Caller;
  readonly changes: boolean;
  readonly problems: readonly ProblemCode[];
}

/**
 * Documents an operation for /api/docs and the generated clients: summary, who may call it, the
 * security schemes, and the route's own problem codes. The caller's codes belong to the auth,
 * studies and participants features, so the document builder adds them (withProblemResponses).
 */
export function ApiDoc(doc: OperationDoc): MethodDecorator {
  const note: ProblemsNote = { who: doc.who, changes: doc.changes ?? false, problems: (doc.problems ?? []).flat() };
  const signedIn = doc.who !== 'public' && doc.who !== 'participant';
  return applyDecorators(
    ApiOperation({ summary: doc.summary, description: `**Who:** ${WHO[doc.who]}\n\n${doc.description}` }),
    ...(signedIn ? [ApiBearerAuth('bearer'), ApiCookieAuth('cookie')] : []),
    ApiExtraModels(Problem),
    ApiExtension(PROBLEMS_EXTENSION, note),
  );
}
