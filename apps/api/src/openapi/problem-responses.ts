import type { OpenAPIObject } from '@nestjs/swagger';
import { getSchemaPath } from '@nestjs/swagger';
import { problemType } from '../common/http/problem';
import { BODY, type Caller, INPUT, PROBLEMS_EXTENSION, type ProblemCode, type ProblemsNote } from './api-doc';
import { Problem } from './problem.schema';

/**
 * What a caller can be refused with, by who they are and whether the route changes anything. The
 * document builder supplies it: those codes belong to the auth, studies and participants features,
 * which openapi/ does not import.
 */
export type CallerProblems = (who: Caller, changes: boolean) => readonly ProblemCode[];

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

/** One status's response: the Problem schema with `code` narrowed to this route's codes, and an example per code. */
function problemResponse(status: number, codes: readonly ProblemCode[]): object {
  const list = codes.map((problem) => `- \`${problem.code}\`: ${problem.title}`).join('\n');
  const schema = {
    allOf: [
      { $ref: getSchemaPath(Problem) },
      { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: codes.map((problem) => problem.code) } } },
    ],
  };
  return {
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

type Operation = { responses?: Record<string, unknown> } & Partial<Record<typeof PROBLEMS_EXTENSION, ProblemsNote>>;

/**
 * Turns each operation's ApiDoc note into its problem responses: the input's and body's codes,
 * the caller's, then the route's own, grouped by status. The note itself leaves the document.
 */
export function withProblemResponses(document: OpenAPIObject, callerProblems: CallerProblems): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Operation[]) {
      const note = operation[PROBLEMS_EXTENSION];
      if (!note) continue;
      delete operation[PROBLEMS_EXTENSION];
      const codes = [...INPUT, ...(note.changes ? BODY : []), ...callerProblems(note.who, note.changes), ...note.problems];
      const responses = (operation.responses ??= {});
      for (const [status, list] of byStatus(codes)) responses[String(status)] = problemResponse(status, list);
    }
  }
  return document;
}
