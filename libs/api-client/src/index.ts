export type { components, operations, paths } from './schema';
export { type ApiClient, ApiCallError, createApiClient, must, type Schemas, signIn, type SignedIn } from './client';
export * from './studies';
export * from './participants';
export * from './designs';
