import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it.each([
    ['short', 'a@b.org', 'at least 12'],
    ['change-me-please-now', 'a@b.org', 'placeholder'],
    ['Researcher.Jones-2026', 'researcher.jones@uni.ac.uk', 'email'],
    ['xxxxxxxxxxxxxxxx', 'a@b.org', 'repeated'],
  ])('%s for %s is refused (%s)', (password, email, reason) => {
    expect(passwordProblem(password, email)).toContain(reason);
  });

  it('accepts a long passphrase, counting characters rather than UTF-16 units', () => {
    expect(passwordProblem('correct horse battery staple', 'a@b.org')).toBeNull();
    expect(passwordProblem('😀'.repeat(11) + 'a', 'a@b.org')).toBeNull();
    expect(passwordProblem('😀'.repeat(11), 'a@b.org')).toContain('at least 12');
  });
});
