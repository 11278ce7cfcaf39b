import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiExtraModels,
  ApiOperation,
  ApiResponse,
  type ApiResponseOptions,
  getSchemaPath,
} from '@nestjs/swagger';
import { AuthError } from '../auth/auth.errors';
import { CommonErrors } from '../common/errors/common.errors';
import type { DomainError, DomainErrorOptions } from '../common/errors/domain-error';
import { problemType } from '../common/http/problem';
import { ParticipantAuthError } from '../participants/participant-auth';
import { StudyError } from '../studies/studies.errors';
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
const INPUT = problems(CommonErrors, 'VALIDATION_FAILED');
// body-parser reads a body sent with any POST, PUT or DELETE, before the route runs, even one the route ignores.
const BODY = problems(CommonErrors, 'MALFORMED_JSON', 'MALFORMED_BODY', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE');
/** A per-address or per-participant budget; the 429 carries Retry-After. */
export const RATE_LIMIT = problems(CommonErrors, 'RATE_LIMITED');

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

const SIGNED_IN = problems(AuthError, 'UNAUTHENTICATED');
const CSRF = problems(AuthError, 'CSRF_TOKEN_INVALID');
const ROLE_PROBLEMS: Record<Exclude<Caller, 'public' | 'participant'>, ProblemCode[]> = {
  'signed-in': [],
  admin: problems(AuthError, 'ADMIN_REQUIRED'),
  analyst: problems(StudyError, 'STUDY_NOT_FOUND'),
  researcher: problems(StudyError, 'STUDY_NOT_FOUND', 'ROLE_REQUIRED'),
  owner: problems(StudyError, 'STUDY_NOT_FOUND', 'ROLE_REQUIRED'),
};

const PARTICIPANT = problems(ParticipantAuthError, 'PARTICIPANT_TOKEN_INVALID', 'PARTICIPANT_WITHDRAWN');

function callerProblems(who: Caller, changes: boolean): ProblemCode[] {
  if (who === 'public') return [];
  if (who === 'participant') return PARTICIPANT;
  // Bearer tokens are not ambient credentials; only cookie sessions need the CSRF header, on changes.
  return [...SIGNED_IN, ...(changes ? CSRF : []), ...ROLE_PROBLEMS[who]];
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'The request is not valid',
  401: 'Not authenticated',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflicts with the current state',
  410: 'Gone',
  413: 'The body is too large',
  415: 'Unsupported media type',
  422: 'Cannot be processed',
  429: 'Too many requests',
  503: 'Unavailable',
};

const EXAMPLE_REQUEST_ID = '0b6c1f9e-5d0a-4c1e-9a57-3f2d8e6b7c10';

// What a client sees for the codes whose bodies carry more than a title.
const EXAMPLE_EXTRAS: Readonly<Record<string, object>> = {
  // The shape only: `errors` names this route's own fields.
  VALIDATION_FAILED: { detail: 'Invalid fields: name', errors: [{ path: 'name', code: 'IS_STRING', message: 'name must be a string' }] },
  RATE_LIMITED: { detail: 'Try again in 42 s' },
};

function exampleOf(problem: ProblemCode): object {
  const { code, status, title } = problem;
  return { type: problemType(code), title, status, code, ...EXAMPLE_EXTRAS[code], requestId: EXAMPLE_REQUEST_ID };
}

function problemResponse(status: number, codes: readonly ProblemCode[]): ApiResponseOptions {
  const list = codes.map((problem) => `- \`${problem.code}\`: ${problem.title}`).join('\n');
  const schema = {
    allOf: [
      { $ref: getSchemaPath(Problem) },
      { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: codes.map((problem) => problem.code) } } },
    ],
  };
  return {
    status,
    description: `${STATUS_TEXT[status] ?? 'Problem'} (application/problem+json), \`code\` one of:\n${list}`,
    ...(status === 429
      ? { headers: { 'Retry-After': { description: 'Seconds until the budget allows another try', schema: { type: 'integer' } } } }
      : {}),
    content: {
      'application/problem+json': {
        schema,
        examples: Object.fromEntries(codes.map((problem) => [problem.code, { summary: problem.title, value: exampleOf(problem) }])),
      },
    },
  };
}

/** One response per status, codes in the order given, each code once (tables share some codes). */
function byStatus(codes: readonly ProblemCode[]): Map<number, ProblemCode[]> {
  const grouped = new Map<number, ProblemCode[]>();
  for (const problem of codes) {
    const list = grouped.get(problem.status) ?? [];
    if (!list.some((known) => known.code === problem.code)) list.push(problem);
    grouped.set(problem.status, list);
  }
  return new Map([...grouped].sort(([a], [b]) => a - b));
}

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

/**
 * Documents an operation for /api/docs and the generated clients: summary, who may call it, the
 * security schemes, and every problem response with the enum of codes it can carry.
 */
export function ApiDoc(doc: OperationDoc): MethodDecorator {
  const changes = doc.changes ?? false;
  const codes = [...INPUT, ...(changes ? BODY : []), ...callerProblems(doc.who, changes), ...(doc.problems ?? []).flat()];
  const signedIn = doc.who !== 'public' && doc.who !== 'participant';
  return applyDecorators(
    ApiOperation({ summary: doc.summary, description: `**Who:** ${WHO[doc.who]}\n\n${doc.description}` }),
    ...(signedIn ? [ApiBearerAuth('bearer'), ApiCookieAuth('cookie')] : []),
    ApiExtraModels(Problem),
    ...[...byStatus(codes)].map(([status, list]) => ApiResponse(problemResponse(status, list))),
  );
}

/** Problems no operation lists because any request can get them (see the document's description). */
export const ANY_ROUTE = problems(CommonErrors, 'MALFORMED_URL', 'INVALID_CLIENT_ADDRESS', 'NOT_FOUND', 'INTERNAL');
