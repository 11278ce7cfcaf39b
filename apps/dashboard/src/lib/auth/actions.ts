'use server';

import { redirect } from 'next/navigation';
import { loginWithPassword, logoutSession } from '../api/auth';
import { loginFailure, missingFields, type LoginState } from './login-messages';
import { safeNextPath } from './safe-next-path';
import { clearSessionCookies, storeSessionCookies } from './session-cookies';
import { logServerError } from '@/lib/log';

function textOf(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** Login form action (useActionState signature). Success redirects; failure returns what to show. */
export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const email = textOf(formData, 'email').trim();
  const password = textOf(formData, 'password');
  const missing = missingFields(email, password);
  if (missing) return missing;

  const result = await loginWithPassword(email, password);
  if (!result.ok) return loginFailure(email, result.problem, result.response?.headers.get('retry-after') ?? null);

  await storeSessionCookies(result.response);
  // redirect() throws by design, so it stays outside any try/catch.
  redirect(safeNextPath(formData.get('next')));
}

/** Sign-out revokes the session on the API, then forgets the cookies even if the API could not be reached. */
export async function logout(): Promise<void> {
  const result = await logoutSession();
  if (!result.ok && result.problem.status !== 401) {
    logServerError('logout not confirmed by the API', { code: result.problem.code, requestId: result.problem.requestId });
  }
  await clearSessionCookies();
  redirect('/login');
}
