import { expect, test } from '../support/fixtures';

const SCRIPT_POLICY = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/;

test('every page carries a fresh script nonce, and the pages work under it (no CSP violation)', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  const nonces = new Set<string>();
  for (const path of ['/join', '/withdraw', '/login', '/withdraw']) {
    const response = await page.goto(path);
    const policy = response?.headers()['content-security-policy'] ?? '';
    const nonce = SCRIPT_POLICY.exec(policy)?.[1];
    expect(nonce, `${path} has a nonce-based script policy: ${policy}`).toBeTruthy();
    nonces.add(nonce ?? '');
    expect(policy).toContain("frame-ancestors 'none'");
  }
  expect(nonces.size, 'a new nonce for every request').toBe(4);
  // Client-side code ran: the withdrawal form reacts (React hydrated under the policy).
  await page.getByLabel('Your withdrawal code').fill('ABCD');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#withdraw-error')).toContainText('12 letters and digits');
  expect(violations).toEqual([]);
});
