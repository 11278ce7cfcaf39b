import { type BrowserContext, type Cookie, devices, type Page, type Response } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { answerPhase, currentCard, shownCard, waitForSurvey } from '../support/journey';
import { expectAccessible, Shots, storedAnswers, tokenOf, watchHydration } from '../support/phone';
import { soloPreSurvey } from '../support/solo';

const COOKIE = 'attune_participant';

async function participantCookie(context: BrowserContext): Promise<Cookie> {
  const cookie = (await context.cookies()).find((entry) => entry.name === COOKIE);
  expect(cookie, 'the phone keeps a cookie copy of its participant for /p').toBeDefined();
  return cookie as Cookie;
}

/** Reloads /p and returns the HTML the server sent for it. */
async function reloadDocument(page: Page): Promise<string> {
  const isDocument = (response: Response) => new URL(response.url()).pathname === '/p' && response.request().resourceType() === 'document';
  const [response] = await Promise.all([page.waitForResponse(isDocument), page.reload()]);
  return response.text();
}

test("a reload renders the current card on the server, settles to this phone's place, and shows the question with JavaScript off", async ({
  page,
  context,
  browser,
  researcher,
}, testInfo) => {
  test.setTimeout(180_000);
  const shots = new Shots(testInfo);
  await soloPreSurvey(page, researcher);
  const token = await tokenOf(page);
  const cookie = await participantCookie(context);
  expect(cookie).toMatchObject({ value: token, path: '/p', sameSite: 'Strict', httpOnly: false });

  await answerPhase(page, { cards: 4 });
  const firstOpen = await shownCard(page);
  // One card back: this phone's place (an answered card) is no longer the server's first open one.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect.poll(() => shownCard(page)).not.toBe(firstOpen);
  const place = await shownCard(page);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });

  const hydration = watchHydration(page);
  const html = await reloadDocument(page);
  const [instrumentId, itemId] = firstOpen.split('/');
  expect(html, 'the server rendered the first open card').toContain(`data-item="${itemId}"`);
  expect(html).toContain(`data-instrument="${instrumentId}"`);
  expect(html, 'the token stays out of the HTML').not.toContain(token);
  await waitForSurvey(page, 'pre');
  await expect.poll(() => shownCard(page), { message: 'the phone returns to its own place' }).toBe(place);
  await expect(currentCard(page).locator('input[type="radio"]:checked'), 'with its answer').toHaveCount(1);
  await shots.take(page, 'after-reload');
  await expectAccessible(page, 'a server-rendered card after hydration');

  const off = await browser.newContext({ ...devices['Pixel 7'], javaScriptEnabled: false });
  try {
    await off.addCookies([cookie]);
    const still = await off.newPage();
    await still.goto('/p');
    await expect(still.getByTestId('survey-step'), 'the question is there before any script runs').toBeVisible();
    await expect(still.locator(`[data-item="${itemId}"]`)).toBeVisible();
    await shots.take(still, 'javascript-off');
  } finally {
    await off.close();
  }

  const { given } = await answerPhase(page);
  const drafts = await storedAnswers(token, 'pre');
  for (const instrument of drafts.instruments)
    expect(instrument.answers, `drafts of ${instrument.id}`).toMatchObject(given[instrument.id] ?? {});
  expect(hydration(), 'no hydration mismatch').toEqual([]);
});

test('a reload in a lab conversation renders the phones-away screen on the server, with no timer, without a hydration mismatch', async ({
  page,
  researcher,
}, testInfo) => {
  test.setTimeout(180_000);
  const shots = new Shots(testInfo);
  await soloPreSurvey(page, researcher);
  await answerPhase(page);
  await page.getByTestId('submit-phase').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Put your phone away now' })).toBeVisible({ timeout: 20_000 });
  const hydration = watchHydration(page);
  const html = await reloadDocument(page);
  expect(html, 'the phones-away screen is in the server HTML').toContain('data-testid="phones-away"');
  // The research assistant's console keeps the time: no lit countdown on a participant's phone.
  expect(html).not.toContain('role="timer"');
  await expect(page.getByTestId('phones-away')).toBeVisible();
  await expect(page.getByRole('timer')).toHaveCount(0);
  await shots.take(page, 'conversation-after-reload');
  expect(hydration(), 'no hydration mismatch').toEqual([]);
});

test('with localStorage cleared the cookie brings the participant back; an unknown one leads to the notice', async ({
  page,
  context,
  researcher,
}, testInfo) => {
  test.setTimeout(120_000);
  const shots = new Shots(testInfo);
  await soloPreSurvey(page, researcher);
  const token = await tokenOf(page);
  await page.evaluate(() => window.localStorage.clear());
  await reloadDocument(page);
  await waitForSurvey(page, 'pre');
  await expect.poll(() => tokenOf(page), { message: 'the phone keeps the participant again' }).toBe(token);
  await answerPhase(page, { cards: 2 });
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
  const drafts = await storedAnswers(token, 'pre');
  expect(
    drafts.instruments.flatMap((instrument) => Object.values(instrument.answers)).filter((value) => value !== null).length,
  ).toBeGreaterThan(0);

  await page.evaluate(() => window.localStorage.clear());
  await context.addCookies([{ ...(await participantCookie(context)), value: `atp_${'A'.repeat(43)}` }]);
  await reloadDocument(page);
  await expect(page.getByRole('heading', { level: 1, name: 'No study session on this phone' })).toBeVisible({ timeout: 15_000 });
  await shots.take(page, 'unknown-cookie');
});
