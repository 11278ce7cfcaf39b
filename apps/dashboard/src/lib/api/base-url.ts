import 'server-only';

const DEFAULT_API_URL = 'http://127.0.0.1:3001';

/**
 * Read on every call, never at module load: `next build` must not bake the build machine's
 * address into the server bundle, so one build runs against any API.
 */
export function apiBaseUrl(): string {
  const configured = process.env['API_URL'];
  const raw = configured === undefined || configured === '' ? DEFAULT_API_URL : configured;
  return raw.replace(/\/+$/, '');
}
