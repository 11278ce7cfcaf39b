import { expect, test } from '../support/fixtures';
import { answerPhase, confirmInstructions, consent, waitForSurvey } from '../support/journey';
import { expectAccessible, newPhone, Shots } from '../support/phone';

/**
 * Online there is no experimenter: two strangers are paired by the waiting room, and only then can
 * "did you know your partner before today?" be asked (the phone_topic template's partner question).
 * Allocation waits for both answers; each phone then keeps the conversation's time itself.
 */
test('an online dyad is paired first and asked about the partner after pairing; each phone shows the shared timer', async ({
  browser,
  researcher,
}, testInfo) => {
  test.setTimeout(180_000);
  const shots = new Shots(testInfo);
  const study = await researcher.launchedStudy('phone_topic', { instruments: { pre: [], post: [{ id: 'ios', version: 2 }] } });
  const a = await newPhone(browser);
  const b = await newPhone(browser);
  for (const phone of [a, b]) {
    await phone.page.goto(`/s/${study.joinCode}`);
    await consent(phone.page);
  }
  // No question before pairing: the partner does not exist yet.
  for (const phone of [a, b]) {
    await expect(phone.page.getByRole('heading', { level: 1, name: 'A question before we start' })).toBeVisible({ timeout: 30_000 });
    await expect(phone.page.getByText('Did you know your conversation partner before today?')).toBeVisible();
  }
  await expectAccessible(a.page, 'partner question after pairing');
  await shots.take(a.page, 'a-partner-question');
  const [session] = await researcher.sessions(study.id);
  expect(session?.status, 'paired, not yet allocated').toBe('forming');

  for (const phone of [a, b]) {
    await phone.page.getByText('No, we had not met before', { exact: true }).click();
    await phone.page.getByRole('button', { name: 'Continue' }).click();
  }
  for (const phone of [a, b]) await confirmInstructions(phone.page).catch(() => undefined);
  for (const phone of [a, b]) {
    await expect(phone.page.getByRole('heading', { level: 1, name: 'Talk with your partner' })).toBeVisible({ timeout: 20_000 });
    await expect(phone.page.getByTestId('timer')).toHaveText(/^(10:00|9:\d\d)$/);
  }
  await shots.take(a.page, 'a-online-timer');
  await researcher.endConversation(study.id, session?.id ?? '');
  for (const phone of [a, b]) {
    await waitForSurvey(phone.page, 'post');
    await answerPhase(phone.page);
    await phone.page.getByTestId('submit-phase').click();
  }
  for (const phone of [a, b]) await expect(phone.page.getByTestId('completion-code')).toHaveText('ATTUNE-PT', { timeout: 15_000 });
  const detail = await researcher.session(study.id, session?.id ?? '');
  expect(detail.status).toBe('complete');
  await a.context.close();
  await b.context.close();
});
