// The API's types are generated once, into @attune/api-client, from apps/api/openapi.json
// (`npm run openapi`); the dashboard reads the same file rather than a second generated copy.
export type { components, operations, paths } from '@attune/api-client';
