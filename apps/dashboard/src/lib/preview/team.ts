import type { ProblemCode } from '../api/problem';

/** Roles in a study, in the words the team page uses (README "Accounts"). */
export const ROLES = [
  { value: 'owner', label: 'Owner', does: 'edits, launches, amends and manages the team' },
  { value: 'researcher', label: 'Researcher', does: 'runs sessions' },
  { value: 'analyst', label: 'Analyst', does: 'reads results and exports' },
] as const;

export type Role = (typeof ROLES)[number]['value'];

export function isRole(value: unknown): value is Role {
  return ROLES.some((role) => role.value === value);
}

export function roleLabel(role: string): string {
  return ROLES.find((candidate) => candidate.value === role)?.label ?? role;
}

export type TeamChange = 'add' | 'change' | 'remove';

const LAST_OWNER: Readonly<Record<TeamChange, string>> = {
  add: 'A study needs at least one owner.',
  change:
    "This is the study's last owner, so the role cannot change: a study needs at least one owner. Make another member an owner first.",
  remove:
    "This is the study's last owner, so they cannot be removed: a study needs at least one owner. Make another member an owner first.",
};

/** The team page's sentence for an API refusal (problem code), or null to show the API's own title. */
export function teamRefusal(change: TeamChange, code: ProblemCode): string | null {
  switch (code) {
    case 'LAST_OWNER':
      return LAST_OWNER[change];
    case 'MEMBER_NOT_FOUND':
      return 'This person is no longer a member of the study. Reload the page to see the team as it is.';
    case 'ROLE_REQUIRED':
      return "Only the study's owners can change the team.";
    case 'VALIDATION_FAILED':
      return change === 'add' ? 'Enter a whole email address, such as name@example.org, and pick a role.' : 'Pick one of the roles.';
    default:
      return null;
  }
}

/**
 * What adding tells the owner. The API answers the same whether or not the email has an account,
 * so the page cannot be used to find out who has one; the sentence says exactly that much.
 */
export function addedMessage(email: string, role: Role): string {
  return `If an account with ${email} exists, it now has the role ${roleLabel(role).toLowerCase()} in this study.`;
}

/** Owners first, then researchers, then analysts; by email within a role. */
export function sortMembers<M extends { readonly role: string; readonly email: string }>(members: readonly M[]): M[] {
  const rank = (role: string) => {
    const index = ROLES.findIndex((candidate) => candidate.value === role);
    return index === -1 ? ROLES.length : index;
  };
  return [...members].sort((a, b) => rank(a.role) - rank(b.role) || (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}
