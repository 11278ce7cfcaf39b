import { participantOf } from '@attune/api-client';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { answerPhase, currentCard, type GivenAnswers, waitForSurvey } from '../support/journey';
import { expectAccessible, Shots, storedAnswers, tokenOf, watchHydration } from '../support/phone';
import { webUrl } from '../support/researcher';
import { countSubmits, soloPreSurvey } from '../support/solo';

const saveStatus = (page: Page) => page.getByTestId('save-status');
const ANSWER_PUT = /\/api\/participant\/answers\/(pre|post)\//;

async function expectAllStored(token: string, phase: 'pre' | 'post', given: GivenAnswers): Promise<void> {
  const stored = await storedAnswers(token, phase);
  for (const instrument of stored.instruments) {
    expect(instrument.submitted, `${phase} ${instrument.id} submitted`).toBe(true);
    expect(instrument.answers, `${phase} ${instrument.id}: every answer given is stored`).toMatchObject(given[instrument.id] ?? {});
  }
  const count = Object.values(given).reduce((sum, items) => sum + Object.keys(items).length, 0);
  const storedCount = stored.instruments.reduce(
    (sum, instrument) => sum + Object.values(instrument.answers).filter((value) => value !== null).length,
    0,
  );
  expect(storedCount, `${phase}: answers stored`).toBe(count);
}

/** A second submission with a fresh key must be refused: the phase already holds exactly one. */
async function expectNoSecondSubmission(token: string, phase: 'pre' | 'post'): Promise<void> {
  const phone = participantOf(webUrl(), token);
  const { error, response } = await phone.client.POST('/api/participant/phases/{phase}/submit', {
    params: { path: { phase }, header: { ...phone.header, 'Idempotency-Key': `e2e-second-${phase}-${Date.now()}` } },
    body: { answers: {} },
  });
  expect(response.status).toBe(409);
  expect(error?.code).toBe('PHASE_SUBMITTED');
}

test('offline three times and one reload mid-survey: no answer lost, exactly one submission per phase', async ({
  page,
  context,
  researcher,
}, testInfo) => {
  test.setTimeout(180_000);
  const shots = new Shots(testInfo);
  const { studyId, sessionId } = await soloPreSurvey(page, researcher);
  const submits = countSubmits(page, 'pre');
  const hydration = watchHydration(page);
  let shownBeforeReload = '';

  const pre = await answerPhase(page, {
    beforeAnswer: async (info) => {
      // Episodes 1 and 2: the phone loses its network while answering two cards each.
      if (info.index === 2 || info.index === 5) await context.setOffline(true);
      // Episode 3: offline again, and this time the page is reloaded before the answers got out.
      if (info.index === 8) await context.setOffline(true);
    },
    afterAnswer: async (info) => {
      if (info.index === 3 || info.index === 6) {
        await expect(saveStatus(page)).toHaveAttribute('data-status', 'offline');
        await expectAccessible(page, 'a card while offline');
        if (info.index === 3) await shots.take(page, 'offline-indicator');
        await context.setOffline(false);
        await expect(saveStatus(page)).toHaveAttribute('data-status', 'saved', { timeout: 20_000 });
      }
      if (info.index === 9) {
        await expect(saveStatus(page)).toHaveAttribute('data-status', 'offline');
        // Back online for the page itself, but the API still unreachable: the answers stay queued.
        await page.route(ANSWER_PUT, (route) => route.abort('internetdisconnected'));
        await context.setOffline(false);
        shownBeforeReload = `${info.instrumentId}/${info.itemId}`;
        await page.reload();
        await waitForSurvey(page, 'pre');
        const card = currentCard(page);
        expect(`${await card.getAttribute('data-instrument')}/${await card.getAttribute('data-item')}`, 'resumes at the same card').toBe(
          shownBeforeReload,
        );
        await expect(card.locator('input[type="radio"]:checked'), 'the answer is still there').toHaveCount(1);
        await shots.take(page, 'after-reload');
        await page.unroute(ANSWER_PUT);
        await expect(saveStatus(page)).toHaveAttribute('data-status', 'saved', { timeout: 20_000 });
      }
    },
  });
  expect(shownBeforeReload, 'the reload happened').not.toBe('');
  expect(hydration(), 'the reloaded page repeated its server HTML').toEqual([]);
  // Before any submit, the autosaved drafts on the server already hold every answer given.
  const drafts = await storedAnswers(await tokenOf(page), 'pre');
  for (const instrument of drafts.instruments)
    expect(instrument.answers, `draft ${instrument.id}`).toMatchObject(pre.given[instrument.id] ?? {});

  // The final submit starts offline: it waits, then goes through once the network is back.
  await context.setOffline(true);
  await page.getByTestId('submit-phase').click();
  await expect(page.getByText('Offline: your answers are kept on this phone')).toBeVisible({ timeout: 15_000 });
  await shots.take(page, 'submit-offline');
  await context.setOffline(false);
  await expect(page.getByRole('heading', { level: 1, name: 'Put your phone away now' })).toBeVisible({ timeout: 30_000 });
  expect(submits.created(), 'one 201 for the pre-survey').toBe(1);

  await researcher.endConversation(studyId, sessionId);
  await waitForSurvey(page, 'post');
  const post = await answerPhase(page);
  await page.getByTestId('submit-phase').click();
  await expect(page.getByTestId('completion-code')).toBeVisible({ timeout: 15_000 });
  await shots.take(page, 'completion');

  const token = await tokenOf(page);
  await expectAllStored(token, 'pre', pre.given);
  await expectAllStored(token, 'post', post.given);
  await expectNoSecondSubmission(token, 'pre');
  await expectNoSecondSubmission(token, 'post');
});

test('a double tap on submit stores one response', async ({ page, researcher }, testInfo) => {
  test.setTimeout(120_000);
  const shots = new Shots(testInfo);
  await soloPreSurvey(page, researcher);
  const submits = countSubmits(page, 'pre');
  const pre = await answerPhase(page);
  await shots.take(page, 'before-double-tap');
  await page.getByTestId('submit-phase').dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'Put your phone away now' })).toBeVisible({ timeout: 20_000 });
  await shots.take(page, 'after-double-tap');
  expect(submits.sent(), 'submit requests sent').toBe(1);
  expect(submits.created(), 'submissions created').toBe(1);
  const token = await tokenOf(page);
  await expectAllStored(token, 'pre', pre.given);
  await expectNoSecondSubmission(token, 'pre');
});
