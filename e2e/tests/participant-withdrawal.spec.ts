import { must } from '@attune/api-client';
import { expect, test } from '../support/fixtures';
import { throughPreSurvey } from '../support/journey';
import { expectAccessible, expectNoSideways, newPhone, Shots, tokenOf } from '../support/phone';

/** The check character is the last one: changing it is a typo the page must catch. */
function mistyped(code: string): string {
  return code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
}

test('a participant notes the withdrawal code on the completion screen and withdraws at /withdraw', async ({
  browser,
  researcher,
}, testInfo) => {
  test.setTimeout(180_000);
  const study = await researcher.launchedStudy('phone_only');
  const session = await researcher.labSession(study.id);
  const shots = new Shots(testInfo);
  const a = await newPhone(browser);
  const b = await newPhone(browser);
  await throughPreSurvey(
    [a.page, b.page],
    session.seats.map((seat) => seat.joinPath),
  );
  await researcher.startConversation(study.id, session.id);
  // B leaves; A is debriefed and gets the completion screen, with the withdrawal code.
  await b.page.request.post('/api/participant/leave', { headers: { 'X-Participant-Token': await tokenOf(b.page) } });
  await a.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(a.page.getByTestId('debrief')).toBeVisible({ timeout: 15_000 });
  const code = (await a.page.getByTestId('withdrawal-code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(a.page.getByTestId('withdrawal')).toContainText('until 30 days after the study ends');
  await expectAccessible(a.page, 'completion with the withdrawal code');
  await shots.take(a.page, 'completion-withdrawal-code');
  const token = await tokenOf(a.page);

  await a.page.getByRole('link', { name: /\/withdraw$/ }).click();
  await expect(a.page.getByRole('heading', { level: 1, name: 'Withdraw your answers' })).toBeVisible();
  await expectAccessible(a.page, 'withdraw form');
  await expectNoSideways(a.page, 'withdraw form');
  const field = a.page.getByLabel('Your withdrawal code');
  await field.fill(mistyped(code));
  await a.page.getByRole('button', { name: 'Continue' }).click();
  await a.page.getByRole('button', { name: 'Yes, delete my answers' }).click();
  await expect(a.page.locator('#withdraw-error')).toContainText('This is not a withdrawal code');
  await shots.take(a.page, 'withdraw-mistyped');

  await field.fill(code.toLowerCase().replace(/-/g, ' '));
  await a.page.getByRole('button', { name: 'Continue' }).click();
  await expect(a.page.getByTestId('withdrawal-confirm')).toContainText('cannot be undone');
  await expectAccessible(a.page, 'withdraw confirmation');
  await shots.take(a.page, 'withdraw-confirm');
  await a.page.getByRole('button', { name: 'Yes, delete my answers' }).click();
  await expect(a.page.getByTestId('withdrawal-done')).toBeVisible();
  await expectAccessible(a.page, 'withdrawn');
  await shots.take(a.page, 'withdraw-done');

  const after = await a.page.request.get('/api/participant/state', { headers: { 'X-Participant-Token': token } });
  expect(after.status(), "the withdrawn phone's token is refused").toBe(410);
  // Reopening the session on the phone says so, and the phone forgets the participant.
  await a.page.goto('/p');
  await expect(a.page.getByRole('heading', { level: 1, name: 'Your answers have been withdrawn' })).toBeVisible({ timeout: 15_000 });
  expect(
    await a.page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('attune.') && !key.startsWith('attune.instrument.')),
    ),
    'no token or answers left on the phone (cached instruments may stay)',
  ).toEqual([]);
  const protection = await must(
    researcher.api.GET('/api/studies/{studyId}/data-protection', { params: { path: { studyId: study.id } } }),
    'data protection',
  );
  expect(protection.withdrawal.withdrawn).toBe(1);
  await a.context.close();
  await b.context.close();
});
