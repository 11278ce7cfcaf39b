import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

interface Credentials {
  readonly email: string;
  readonly password: string;
}

/** Fails loudly rather than skipping: a journey that silently skips proves nothing. */
function adminCredentials(): Credentials {
  const email = process.env['ATTUNE_ADMIN_EMAIL'];
  const password = process.env['ATTUNE_ADMIN_PASSWORD'];
  if (!email || !password) throw new Error('Set ATTUNE_ADMIN_EMAIL and ATTUNE_ADMIN_PASSWORD (the root test script does)');
  return { email, password };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`);
}

test.describe('researcher sign-in', () => {
  test('a wrong password shows an error and keeps the researcher on /login', async ({ page }, testInfo) => {
    const { email } = adminCredentials();
    await page.goto('/login');
    await signIn(page, email, 'definitely-not-the-password');

    // Scoped to the form: Next's route announcer is an (empty) alert region too.
    await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toContainText('Email or password is wrong');
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(email);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, testInfo, 'login-wrong-password');
  });

  test('signing in lands on /studies with the email; signing out locks /studies again', async ({ page }, testInfo) => {
    const { email, password } = adminCredentials();
    await page.goto('/studies');
    await expect(page).toHaveURL(/\/login$/);

    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/studies$/);
    await expect(page.getByTestId('account-email')).toHaveText(new RegExp(`^${escapeRegExp(email)}$`, 'i'));
    await expect(page.getByRole('heading', { level: 1, name: 'Studies' })).toBeVisible();
    await screenshot(page, testInfo, 'studies-signed-in');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    const cookies = await page.context().cookies();
    expect(cookies.map((cookie) => cookie.name)).not.toContain('attune_session');

    await page.goto('/studies');
    await expect(page).toHaveURL(/\/login$/);
    await screenshot(page, testInfo, 'login-after-sign-out');
  });

  test('the login and join pages fit a 360 px wide screen', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/login', '/join']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      expect(overflow.scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(overflow.clientWidth);
      await screenshot(page, testInfo, `${path.slice(1)}-360px`);
    }
  });

  test('the login page has no WCAG 2.1 AA violations found by axe', async ({ page }, testInfo) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, testInfo, 'login');
  });
});
