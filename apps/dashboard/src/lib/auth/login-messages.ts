import type { FieldIssue, Problem } from '../api/problem';

export type LoginField = 'email' | 'password';

/** What the login form shows after a failed attempt; `email` refills the field. */
export interface LoginState {
  readonly email: string;
  readonly formError?: string;
  readonly fieldErrors?: Partial<Record<LoginField, string>>;
}

const FIELD_MESSAGES: Readonly<Record<string, string>> = {
  IS_EMAIL: 'Enter an email address, like name@example.org.',
  MAX_LENGTH: 'This is too long.',
  LENGTH: 'Enter your password.',
  IS_STRING: 'Enter your password.',
};

function isLoginField(path: string): path is LoginField {
  return path === 'email' || path === 'password';
}

function fieldErrorsOf(issues: readonly FieldIssue[]): Partial<Record<LoginField, string>> {
  const out: Partial<Record<LoginField, string>> = {};
  for (const issue of issues) {
    if (isLoginField(issue.path) && out[issue.path] === undefined) {
      out[issue.path] = FIELD_MESSAGES[issue.code] ?? issue.message;
    }
  }
  return out;
}

function retryMessage(retryAfter: string | null): string {
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  if (seconds === undefined) return 'Too many sign-in attempts. Wait a minute, then try again.';
  const unit = seconds === 1 ? 'second' : 'seconds';
  return `Too many sign-in attempts. Try again in ${seconds} ${unit}.`;
}

/** Turns the API's problem into words for people; unknown failures keep the request id for support. */
export function loginFailure(email: string, problem: Problem, retryAfter: string | null): LoginState {
  if (problem.status === 401) return { email, formError: 'Email or password is wrong.' };
  if (problem.status === 429) return { email, formError: retryMessage(retryAfter) };
  if (problem.status === 400 && problem.errors?.length) return { email, fieldErrors: fieldErrorsOf(problem.errors) };
  if (problem.code === 'API_UNREACHABLE') {
    return { email, formError: 'Attune cannot reach its server right now. Try again in a moment.' };
  }
  return { email, formError: `Signing in failed (${problem.code}). If it keeps happening, quote reference ${problem.requestId}.` };
}

/** The same checks the browser does, for when it did not (old browsers, scripts). */
export function missingFields(email: string, password: string): LoginState | null {
  const fieldErrors: Partial<Record<LoginField, string>> = {};
  if (email === '') fieldErrors.email = 'Enter your email address.';
  if (password === '') fieldErrors.password = 'Enter your password.';
  return Object.keys(fieldErrors).length > 0 ? { email, fieldErrors } : null;
}
