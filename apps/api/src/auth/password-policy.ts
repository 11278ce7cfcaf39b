export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

/**
 * Why a new password is refused, or null. One rule for every way an account is made (the users
 * route, `admin create-user`, the first admin from ATTUNE_ADMIN_PASSWORD): length, and the
 * mistakes that pass a length rule: the template's placeholder, the email itself, one repeated
 * character.
 */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must have at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must have at most ${PASSWORD_MAX_LENGTH} characters`;
  if (/change-?me/i.test(password)) return 'is still a placeholder (change-me); choose a real password';
  const lower = password.toLowerCase();
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  if (lower === email.trim().toLowerCase() || (local.length >= 4 && lower.includes(local))) return 'must not contain the email address';
  if (new Set(password).size === 1) return 'must not be one character repeated';
  return null;
}
