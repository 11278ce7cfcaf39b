import { defineErrors } from '../common/errors/domain-error';

export const AuthError = defineErrors('AuthError', {
  // One code for an unknown email and a wrong password, so logins cannot probe for accounts.
  INVALID_CREDENTIALS: { status: 401, title: 'Email or password is wrong' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  CSRF_TOKEN_INVALID: { status: 403, title: 'Missing or wrong CSRF token' },
  ADMIN_REQUIRED: { status: 403, title: 'Only an administrator may do this' },
  WEAK_PASSWORD: { status: 400, title: 'The password does not meet the password rules' },
  EMAIL_TAKEN: { status: 409, title: 'An account with this email exists' },
  TOKEN_NOT_FOUND: { status: 404, title: 'Access token not found' },
});
