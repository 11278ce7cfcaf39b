'use client';

import { useActionState } from 'react';
import { login } from '@/lib/auth/actions';
import type { LoginField, LoginState } from '@/lib/auth/login-messages';

const INITIAL: LoginState = { email: '' };

function FieldError({ field, state }: { readonly field: LoginField; readonly state: LoginState }) {
  const message = state.fieldErrors?.[field];
  return message ? (
    <p id={`${field}-error`} className="field-error">
      {message}
    </p>
  ) : null;
}

function LoginFields({ state }: { readonly state: LoginState }) {
  const invalid = (field: LoginField) => state.fieldErrors?.[field] !== undefined;
  return (
    <>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={invalid('email')}
          aria-describedby={invalid('email') ? 'email-error' : undefined}
        />
        <FieldError field="email" state={state} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={invalid('password')}
          aria-describedby={invalid('password') ? 'password-error' : undefined}
        />
        <FieldError field="password" state={state} />
      </div>
    </>
  );
}

/**
 * The one client leaf of the login page, only to show errors without a reload. The form posts to
 * a Server Action, so it also works before (or without) JavaScript.
 */
export function LoginForm({ next }: { readonly next: string }) {
  const [state, formAction, pending] = useActionState(login, INITIAL);
  return (
    <form action={formAction} className="form" aria-label="Sign in">
      <input type="hidden" name="next" value={next} />
      {state.formError ? (
        <div className="alert" role="alert">
          <p>{state.formError}</p>
        </div>
      ) : null}
      <LoginFields state={state} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
