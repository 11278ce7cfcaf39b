import type { Page } from '@playwright/test';
import { adminCredentials } from './researcher';

/** Signs the administrator in through the login form, landing on `next` (default: the studies list). */
export async function signIn(page: Page, next?: string): Promise<void> {
  const { email, password } = adminCredentials();
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
