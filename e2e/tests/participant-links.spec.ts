import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { answerCovariates, consent } from '../support/journey';
import { expectAccessible, expectNoSideways, newPhone, Shots } from '../support/phone';

/** Every dead end: a friendly heading, no error dump, accessible, and fitting a 320 px screen. */
async function expectFriendly(page: Page, shots: Shots, heading: string, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('body')).not.toContainText(/JOIN_LINK_NOT_FOUND|STUDY_NOT_RUNNING|SESSION_FULL|SEAT_TAKEN|stack|undefined/);
  await expectAccessible(page, name);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoSideways(page, name);
  await shots.take(page, name);
}

async function joinByCode(browser: Browser, code: string): Promise<Page> {
  const { page } = await newPhone(browser);
  await page.goto(`/join?code=${code}`);
  return page;
}

// Each dead end runs axe twice (phone width and 320 px): slow on a busy machine, hence the timeouts.
test('unknown or malformed links and codes show what to do', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const shots = new Shots(testInfo);
  await page.goto('/join/seat/aseat_this-link-does-not-exist');
  await expectFriendly(page, shots, 'We could not find this study', 'unknown-seat-link');
  await expect(page.getByRole('link', { name: 'Enter a session code' })).toBeVisible();

  await page.goto('/s/NOSUCH99');
  await expectFriendly(page, shots, 'We could not find this study', 'unknown-study-link');

  await page.goto('/join?code=ZZZZ99');
  await expectFriendly(page, shots, 'We could not find this study', 'unknown-session-code');

  await page.goto('/join?code=a!');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('A session code has 4 to 12 letters or digits');
  await expect(page.getByLabel('Enter your session code')).toHaveAttribute('aria-invalid', 'true');
  await expectFriendly(page, shots, 'Join a session', 'malformed-session-code');
});

test('a closed or paused study, and a full session, explain themselves', async ({ browser, researcher }, testInfo) => {
  test.setTimeout(120_000);
  const shots = new Shots(testInfo);
  const closed = await researcher.launchedStudy('phone_only');
  const closedSession = await researcher.labSession(closed.id);
  await researcher.setStatus(closed.id, 'close');
  const late = await newPhone(browser);
  await late.page.goto(closedSession.seats[0]?.joinPath ?? '');
  await expectFriendly(late.page, shots, 'This study is not open right now', 'closed-study');

  const paused = await researcher.launchedStudy('phone_only');
  await researcher.setStatus(paused.id, 'pause');
  await late.page.goto(`/s/${paused.joinCode}`);
  await expectFriendly(late.page, shots, 'This study is not open right now', 'paused-study');

  const open = await researcher.launchedStudy('phone_only');
  const session = await researcher.labSession(open.id);
  const first = await joinByCode(browser, session.code);
  await expect(first.getByRole('heading', { level: 1, name: 'Before you start' })).toBeVisible();
  const second = await newPhone(browser);
  await second.page.goto(session.seats[1]?.joinPath ?? '');
  await expect(second.page.getByRole('heading', { level: 1, name: 'Before you start' })).toBeVisible();
  const third = await joinByCode(browser, session.code);
  await expectFriendly(third, shots, 'This session is already full', 'full-session-by-code');
  const reused = await newPhone(browser);
  await reused.page.goto(session.seats[1]?.joinPath ?? '');
  await expectFriendly(reused.page, shots, 'This session is already full', 'seat-link-used-twice');
});

test('declining consent ends politely; a stopped session and a lost token too', async ({ browser, researcher }, testInfo) => {
  test.setTimeout(120_000);
  const shots = new Shots(testInfo);
  const study = await researcher.launchedStudy('phone_only');
  const session = await researcher.labSession(study.id);
  const decliner = await newPhone(browser);
  await decliner.page.goto(session.seats[0]?.joinPath ?? '');
  await decliner.page.getByRole('button', { name: 'I do not agree' }).click();
  await expectFriendly(decliner.page, shots, 'Thank you', 'declined');
  await expect(decliner.page.getByText('Nothing else was stored about you.')).toBeVisible();
  await decliner.page.reload();
  await expect(decliner.page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();

  const waiting = await newPhone(browser);
  await waiting.page.goto(session.seats[1]?.joinPath ?? '');
  await consent(waiting.page);
  await answerCovariates(waiting.page);
  await expect(waiting.page.getByRole('heading', { level: 1, name: 'Waiting for your partner' })).toBeVisible();
  await researcher.abandon(study.id, session.id, 'e2e: the partner never came');
  await expectFriendly(waiting.page, shots, 'This session was stopped', 'abandoned-session');

  const stranger = await newPhone(browser);
  await stranger.page.goto('/p');
  await expectFriendly(stranger.page, shots, 'No study session on this phone', 'no-session');
  await stranger.page.evaluate(() =>
    window.localStorage.setItem(
      'attune.participant.v1',
      JSON.stringify({ token: 'atp_revoked-or-made-up', participantId: '00000000-0000-4000-8000-000000000000', entry: 'seat:gone' }),
    ),
  );
  await stranger.page.reload();
  await expectFriendly(stranger.page, shots, 'This link has expired', 'expired-token');
});
