import type { OpenAPIObject } from '@nestjs/swagger';
import { ANY_ROUTE } from './api-doc';

const PROBLEM_MEDIA_TYPE = 'application/problem+json';

interface CodeEnumSchema {
  readonly allOf?: ReadonlyArray<{ readonly properties?: { readonly code?: { readonly enum?: readonly string[] } } }>;
}

/** The `code` enum ApiDoc put on one problem response, or none. */
function codesOf(response: unknown): readonly string[] {
  const content = (response as { content?: Record<string, { schema?: CodeEnumSchema }> }).content;
  const parts = content?.[PROBLEM_MEDIA_TYPE]?.schema?.allOf ?? [];
  return parts.flatMap((part) => part.properties?.code?.enum ?? []);
}

/**
 * Adds `ProblemCode`: every code the API documents, in one enum, so a client can type the `code`
 * of any problem (the per-response enums say which of them a given route can answer).
 */
export function withProblemCatalogue(document: OpenAPIObject): OpenAPIObject {
  const codes = new Set(ANY_ROUTE.map((problem) => problem.code));
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const responses = (operation as { responses?: Record<string, unknown> }).responses ?? {};
      for (const response of Object.values(responses)) codesOf(response).forEach((code) => codes.add(code));
    }
  }
  const schemas = document.components?.schemas ?? {};
  schemas['ProblemCode'] = { type: 'string', enum: [...codes].sort(), description: 'Every problem code the API answers with' };
  return { ...document, components: { ...document.components, schemas } };
}
