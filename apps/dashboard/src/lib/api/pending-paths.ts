/*
 * Endpoints the API is adding that openapi.json does not describe yet. When `npm run openapi`
 * regenerates schema.d.ts with one of them, delete its entry here and point the type alias at
 * `components['schemas'][...]`; the compiler then shows every caller that needs a look.
 */

export type StudyStatus = 'draft' | 'launched' | 'paused' | 'closed';
export type StudyRole = 'owner' | 'researcher' | 'analyst';

/** One row of GET /api/studies: the studies the signed-in account can see, with its role in each. */
export interface StudySummary {
  readonly id: string;
  readonly title: string;
  readonly status: StudyStatus;
  readonly role: StudyRole;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface NoParameters {
  query?: never;
  header?: never;
  path?: never;
  cookie?: never;
}

/** Same shape openapi-typescript emits, so openapi-fetch treats these like generated paths. */
export interface PendingPaths {
  '/api/studies': {
    parameters: NoParameters;
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { 'application/json': StudySummary[] };
        };
      };
    };
  };
}
