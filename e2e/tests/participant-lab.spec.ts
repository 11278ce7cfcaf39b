import { expect, test } from '../support/fixtures';
import { adminCredentials } from '../support/researcher';
import { expectAccessible, newPhone, Shots } from '../support/phone';

test('a researcher creates a lab session and a phone joins through a seat link from its QR card', async ({
  page,
  browser,
  researcher,
}, testInfo) => {
  test.setTimeout(90_000);
  const shots = new Shots(testInfo);
  const study = await researcher.launchedStudy('phone_seating');
  const { email, password } = adminCredentials();
  await page.goto(`/login?next=${encodeURIComponent(`/studies/${study.id}/lab`)}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lab sessions' })).toBeVisible();

  await page.getByRole('button', { name: 'Create a lab session' }).click();
  const created = page.getByTestId('new-lab-session');
  await expect(created.getByRole('img', { name: /QR code for seat \d/ })).toHaveCount(2);
  await expect(page.getByRole('table')).toContainText('0 of 2');
  await expectAccessible(page, 'the lab sessions page');
  await shots.take(page, 'lab-session-qr-codes');

  const seatUrl = await created.getByRole('link').first().getAttribute('href');
  expect(seatUrl).toMatch(/\/join\/seat\/aseat_/);
  const phone = await newPhone(browser);
  await phone.page.goto(new URL(seatUrl ?? '').pathname);
  await expect(phone.page.getByRole('heading', { level: 1, name: 'Before you start' })).toBeVisible();
  await phone.context.close();
});
