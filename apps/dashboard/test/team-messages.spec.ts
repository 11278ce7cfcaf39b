import { addedMessage, isRole, roleLabel, sortMembers, teamRefusal } from '@/lib/preview/team';

describe('team page words', () => {
  it('says that the last owner can be neither removed nor demoted, and how to get past it', () => {
    expect(teamRefusal('remove', 'LAST_OWNER')).toMatch(/last owner, so they cannot be removed.*Make another member an owner first/);
    expect(teamRefusal('change', 'LAST_OWNER')).toMatch(/last owner, so the role cannot change/);
    expect(teamRefusal('change', 'MEMBER_NOT_FOUND')).toMatch(/no longer a member/);
    // A code the team page has no words for shows the API's own title.
    expect(teamRefusal('add', 'RATE_LIMITED')).toBeNull();
  });

  it('does not claim the account exists after adding by email', () => {
    expect(addedMessage('a@example.org', 'analyst')).toBe(
      'If an account with a@example.org exists, it now has the role analyst in this study.',
    );
  });

  it('knows the three roles only', () => {
    expect(['owner', 'researcher', 'analyst'].every(isRole)).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(roleLabel('researcher')).toBe('Researcher');
  });

  it('lists owners first, then by email', () => {
    const sorted = sortMembers([
      { email: 'b@x', role: 'analyst' },
      { email: 'z@x', role: 'owner' },
      { email: 'a@x', role: 'analyst' },
      { email: 'c@x', role: 'researcher' },
    ]);
    expect(sorted.map((m) => m.email)).toEqual(['z@x', 'c@x', 'a@x', 'b@x']);
  });
});
