import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { apiClient, settle, type ApiResult } from './client';
import { ApiError } from './problem';
import type { components } from './schema';

export type User = components['schemas']['UserResponse'];
export type LoginResponse = components['schemas']['LoginResponse'];

/**
 * The signed-in account, or null when there is no valid session. Other failures throw.
 * Memoised per request, so a layout and its page can both ask without a second API call.
 */
export const findCurrentUser = cache(async (): Promise<User | null> => {
  const client = await apiClient();
  const result = await settle(client.GET('/api/auth/me'));
  if (result.ok) return result.data;
  if (result.problem.status === 401) return null;
  throw new ApiError(result.problem);
});

/** For authenticated layouts and pages: no session means the login page, not an error. */
export async function requireUser(): Promise<User> {
  const user = await findCurrentUser();
  if (!user) redirect('/login');
  return user;
}

/** The API sets the session cookies on its response; the caller copies them to the browser. */
export async function loginWithPassword(email: string, password: string): Promise<ApiResult<LoginResponse>> {
  const client = await apiClient();
  return settle(client.POST('/api/auth/login', { body: { email, password } }));
}

/** Revokes the session on the server; the caller clears the browser's cookies either way. */
export async function logoutSession(): Promise<ApiResult<unknown>> {
  const client = await apiClient();
  return settle<unknown>(client.POST('/api/auth/logout'));
}
