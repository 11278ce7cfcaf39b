import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Reads the committed document (kept fresh by openapi.spec.ts), so this needs no app or database.
// A route added without @ApiDoc fails here: document who may call it and what it can answer.

interface ProblemContent {
  readonly schema?: {
    readonly allOf?: ReadonlyArray<{
      readonly $ref?: string;
      readonly properties?: { readonly code?: { readonly enum?: readonly string[] } };
    }>;
  };
  readonly examples?: Readonly<Record<string, { readonly value?: { readonly code?: string; readonly status?: number } }>>;
}

interface Response {
  readonly description?: string;
  readonly headers?: Readonly<Record<string, unknown>>;
  readonly content?: Readonly<Record<string, ProblemContent>>;
}

interface Operation {
  readonly summary?: string;
  readonly description?: string;
  readonly parameters?: readonly unknown[];
  readonly requestBody?: unknown;
  readonly security?: readonly unknown[];
  readonly responses: Readonly<Record<string, Response>>;
}

const document = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8')) as {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, { readonly enum?: readonly string[] }>> };
};

const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, method, operation })),
);

function problemResponses(operation: Operation): Array<[number, Response]> {
  return Object.entries(operation.responses)
    .filter(([status]) => Number(status) >= 400)
    .map(([status, response]) => [Number(status), response]);
}

function codesOf(response: Response): readonly string[] {
  const parts = response.content?.['application/problem+json']?.schema?.allOf ?? [];
  return parts.flatMap((part) => part.properties?.code?.enum ?? []);
}

function allCodes(operation: Operation): string[] {
  return problemResponses(operation).flatMap(([, response]) => [...codesOf(response)]);
}

describe('openapi.json as documentation', () => {
  it('has operations to check', () => {
    expect(operations.length).toBeGreaterThan(40);
  });

  it.each(operations)('$name has a summary and a description saying who may call it', ({ operation }) => {
    expect(operation.summary?.trim()).toBeTruthy();
    expect(operation.description).toMatch(/^\*\*Who:\*\* \S/);
    expect(operation.description?.split('\n\n')[1]?.trim()).toBeTruthy();
  });

  it.each(operations)('$name documents its problems with a code enum and an example per code', ({ operation }) => {
    const problems = problemResponses(operation);
    expect(problems.length).toBeGreaterThan(0);
    for (const [status, response] of problems) {
      const content = response.content?.['application/problem+json'];
      expect(content?.schema?.allOf?.[0]?.$ref).toBe('#/components/schemas/Problem');
      const codes = codesOf(response);
      expect(codes.length).toBeGreaterThan(0);
      for (const code of codes) {
        expect(content?.examples?.[code]?.value).toMatchObject({ code, status });
        expect(response.description).toContain(`\`${code}\``);
      }
    }
  });

  it.each(operations)('$name documents the problems of its inputs and callers', ({ method, operation }) => {
    const codes = allCodes(operation);
    // The input guard checks every request; body-parser reads the body of every POST, PUT and DELETE.
    expect(codes).toContain('VALIDATION_FAILED');
    const bodyCodes = ['MALFORMED_JSON', 'MALFORMED_BODY', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];
    expect(codes.filter((code) => bodyCodes.includes(code)).sort()).toEqual(method === 'get' ? [] : [...bodyCodes].sort());
    if (codes.includes('RATE_LIMITED')) expect(operation.responses['429']?.headers).toHaveProperty('Retry-After');
    const signedIn = (operation.security ?? []).length > 0;
    expect(codes.includes('UNAUTHENTICATED')).toBe(signedIn);
    // Only cookie sessions on state-changing methods need the CSRF header.
    expect(codes.includes('CSRF_TOKEN_INVALID')).toBe(signedIn && method !== 'get');
  });

  it("narrows each problem response's code to that route's codes: its caller's, then its own", () => {
    const study = document.paths['/api/studies/{studyId}'];
    const codes = (operation: Operation | undefined, status: number) => codesOf(operation?.responses[String(status)] ?? {});
    // Saving the draft can conflict; reading it cannot.
    expect(codes(study?.['put'], 409)).toEqual(['STUDY_LAUNCHED', 'EDIT_CONFLICT']);
    expect(study?.['get']?.responses['409']).toBeUndefined();
    // An owner-only change: the CSRF check (cookie sessions), then the role.
    expect(codes(study?.['put'], 403)).toEqual(['CSRF_TOKEN_INVALID', 'ROLE_REQUIRED']);
    const state = document.paths['/api/participant/state']?.['get'];
    expect(codes(state, 401)).toEqual(['PARTICIPANT_TOKEN_INVALID']);
    expect(codes(state, 410)).toEqual(['PARTICIPANT_WITHDRAWN']);
  });

  it('leaves no ApiDoc note in the document: the builder turned each into problem responses', () => {
    for (const { operation } of operations) expect(operation).not.toHaveProperty('x-attune-problems');
  });

  it('lists every documented code in ProblemCode, for clients to switch on', () => {
    const catalogue = document.components.schemas['ProblemCode']?.enum ?? [];
    for (const { operation } of operations) expect(catalogue).toEqual(expect.arrayContaining(allCodes(operation)));
  });
});
