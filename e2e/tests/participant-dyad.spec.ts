import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import {
  answerCovariates,
  answerPhase,
  type CardInfo,
  confirmInstructions,
  consent,
  currentCard,
  type PhaseRun,
  throughPreSurvey,
  waitForSurvey,
} from '../support/journey';
import { expectAccessible, expectNoSideways, newPhone, Shots, storedAnswers, tokenOf } from '../support/phone';
import { adminCredentials } from '../support/researcher';

/** Runs axe (and takes a picture) on the first card of every item kind a phase shows. */
function checkEveryKind(page: Page, shots: Shots, prefix: string, seen: Set<string>) {
  return async (info: CardInfo) => {
    if (seen.has(info.kind)) return;
    seen.add(info.kind);
    await expectAccessible(page, `${prefix} ${info.kind} card`);
    await expectNoSideways(page, `${prefix} ${info.kind} card`);
    await shots.take(page, `${prefix}-${info.kind}`);
  };
}

async function submitPhase(page: Page): Promise<void> {
  await page.getByTestId('submit-phase').click();
}

async function expectStored(page: Page, phase: 'pre' | 'post', run: PhaseRun): Promise<void> {
  const stored = await storedAnswers(await tokenOf(page), phase);
  expect(stored.instruments.length).toBeGreaterThan(0);
  for (const instrument of stored.instruments) {
    expect(instrument.submitted, `${phase} ${instrument.id} submitted`).toBe(true);
    expect(instrument.answers, `${phase} ${instrument.id} answers`).toMatchObject(run.given[instrument.id] ?? {});
  }
}

test('two phones complete a lab dyad: join, consent, waiting, instructions, pre-survey, phones away while the lab console times the conversation, post-survey, completion code', async ({
  browser,
  researcher,
}, testInfo) => {
  test.setTimeout(360_000);
  const study = await researcher.launchedStudy('phone_topic');
  const session = await researcher.labSession(study.id);
  const shots = new Shots(testInfo);
  const a = await newPhone(browser);
  const b = await newPhone(browser);

  // Phone A scans its seat's QR code; phone B types the session code.
  await a.page.goto(session.seats[0]?.joinPath ?? '');
  await b.page.goto('/join');
  await shots.take(b.page, 'b-join-form');
  await b.page.getByLabel('Enter your session code').fill(session.code.toLowerCase());
  await b.page.getByRole('button', { name: 'Join' }).click();

  await expect(a.page.getByRole('heading', { level: 1, name: 'Before you start' })).toBeVisible();
  await expect(a.page).toHaveURL(/\/p$/);
  await expectAccessible(a.page, 'consent');
  await shots.take(a.page, 'a-consent');
  await consent(a.page);
  await expectAccessible(a.page, 'covariates');
  await shots.take(a.page, 'a-covariates');
  await answerCovariates(a.page);

  await expect(a.page.getByRole('heading', { level: 1, name: 'Waiting for your partner' })).toBeVisible();
  await expect(a.page.getByTestId('presence')).toContainText('2 of 2 people have joined');
  await expectAccessible(a.page, 'waiting for the partner');
  await shots.take(a.page, 'a-waiting-for-partner');

  await consent(b.page);
  await answerCovariates(b.page);
  for (const phone of [a, b])
    await expect(phone.page.getByRole('heading', { level: 1, name: 'Get ready for the conversation' })).toBeVisible({ timeout: 15_000 });
  const instructionsA = await a.page.getByTestId('condition-instructions').textContent();
  expect(await b.page.getByTestId('condition-instructions').textContent(), 'both phones show the same condition').toBe(instructionsA);
  await expectAccessible(a.page, 'instructions');
  await shots.take(a.page, 'a-instructions');
  await confirmInstructions(a.page);
  await expectAccessible(a.page, 'instructions, waiting for the partner');
  await shots.take(a.page, 'a-instructions-waiting');
  await confirmInstructions(b.page).catch(() => undefined);

  // Pre-survey on both phones; A also shows an error state (Next without an answer).
  for (const phone of [a, b]) await waitForSurvey(phone.page, 'pre');
  const seen = new Set<string>();
  const preA = await answerPhase(a.page, {
    beforeAnswer: async (info) => {
      if (info.kind === 'likert' && !seen.has('error')) {
        seen.add('error');
        await a.page.getByRole('button', { name: 'Next', exact: true }).click();
        await expect(currentCard(a.page).getByRole('alert')).toHaveText('Please choose an answer to continue.');
        await expectAccessible(a.page, 'a likert card with a REQUIRED error');
        await shots.take(a.page, 'a-pre-error-required');
      }
      await checkEveryKind(a.page, shots, 'a-pre', seen)(info);
    },
  });
  await expectAccessible(a.page, 'the submit card');
  await shots.take(a.page, 'a-pre-submit');
  await submitPhase(a.page);
  await expect(a.page.getByRole('heading', { level: 1, name: 'Thank you, your answers are saved' })).toBeVisible();
  await expectAccessible(a.page, 'waiting after the pre-survey');
  await shots.take(a.page, 'a-pre-waiting');
  const preB = await answerPhase(b.page);
  await submitPhase(b.page);

  // The conversation in the lab: the phones ask to be put away and show no timer; the research
  // assistant's console shows the room set-up, starts the shared timer and ends the conversation.
  for (const phone of [a, b])
    await expect(phone.page.getByRole('heading', { level: 1, name: 'Put your phone away now' })).toBeVisible({ timeout: 15_000 });
  expect(await b.page.getByTestId('topic-card').textContent()).toBe(await a.page.getByTestId('topic-card').textContent());
  for (const phone of [a, b]) await expect(phone.page.getByRole('timer')).toHaveCount(0);
  await expectAccessible(a.page, 'phones away');
  await shots.take(a.page, 'a-phones-away');

  const ra = await newPhone(browser);
  await ra.page.setViewportSize({ width: 1024, height: 768 });
  await ra.page.goto('/login');
  await ra.page.getByLabel('Email', { exact: true }).fill(adminCredentials().email);
  await ra.page.getByLabel('Password', { exact: true }).fill(adminCredentials().password);
  await ra.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(ra.page).toHaveURL(/\/studies/);
  await ra.page.goto(`/studies/${study.id}/lab`);
  await ra.page.getByRole('link', { name: `Console of session ${session.code}` }).click();
  await expect(ra.page.getByRole('heading', { level: 1, name: /Lab console/ })).toBeVisible();
  await expect(ra.page.getByTestId('room-setup')).toContainText(/study phone|pocket notebook/);
  await expectAccessible(ra.page, 'lab console before the start');
  await shots.take(ra.page, 'console-set-the-room');
  await ra.page.getByRole('button', { name: 'Start the 10-minute conversation' }).click();
  await expect(ra.page.getByTestId('console-timer')).toHaveText(/^(10:00|9:5\d)$/, { timeout: 10_000 });
  await expectAccessible(ra.page, 'lab console timer');
  await shots.take(ra.page, 'console-timer');
  for (const phone of [a, b]) await expect(phone.page.getByRole('timer')).toHaveCount(0);

  // The research assistant ends the conversation; the post-survey opens on both phones together.
  await ra.page.getByRole('button', { name: 'End the conversation now' }).click();
  await expect(ra.page.getByTestId('console-step')).toHaveText(/Post-survey/, { timeout: 10_000 });
  await ra.context.close();
  for (const phone of [a, b]) await waitForSurvey(phone.page, 'post');
  const postA = await answerPhase(a.page, { beforeAnswer: checkEveryKind(a.page, shots, 'a-post', new Set()) });
  const postB = await answerPhase(b.page);
  await submitPhase(a.page);
  await expect(a.page.getByRole('heading', { level: 1, name: 'Thank you, your answers are saved' })).toBeVisible();
  await expect(a.page.getByTestId('completion-code')).toHaveCount(0);
  await submitPhase(b.page);

  for (const phone of [a, b]) await expect(phone.page.getByTestId('completion-code')).toHaveText('ATTUNE-PT', { timeout: 15_000 });
  // Every answer is on the server now: the phones keep no copy (a shared tablet shows nobody's answers).
  for (const phone of [a, b]) {
    await expect
      .poll(() => phone.page.evaluate(() => Object.keys(localStorage).filter((key) => /^attune\.(progress|queue)\./.test(key))), {
        timeout: 5_000,
      })
      .toEqual([]);
  }
  await expectAccessible(a.page, 'completion');
  await shots.take(a.page, 'a-completion');
  await shots.take(b.page, 'b-completion');

  // The API holds both phases for both participants, and one condition for the session.
  await expectStored(a.page, 'pre', preA);
  await expectStored(b.page, 'pre', preB);
  await expectStored(a.page, 'post', postA);
  await expectStored(b.page, 'post', postB);
  const detail = await researcher.session(study.id, session.id);
  expect(detail.status).toBe('complete');
  expect(detail.conditionId).not.toBeNull();
  expect(detail.seats.map((seat) => seat.status).sort()).toEqual(['consented', 'consented']);
  testInfo.annotations.push({ type: 'condition', description: detail.conditionId ?? '' });
  await a.context.close();
  await b.context.close();
});

test('a partner who leaves mid-conversation: the other phone gets the debrief and its code, never the partner questions', async ({
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

  // B leaves during the conversation.
  await b.page.request.post('/api/participant/leave', { headers: { 'X-Participant-Token': await tokenOf(b.page) } });
  await a.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(a.page.getByTestId('debrief')).toBeVisible({ timeout: 15_000 });
  await expect(a.page.getByTestId('completion-code')).toHaveText('ATTUNE-P');
  await expectAccessible(a.page, 'debrief');
  await shots.take(a.page, 'a-debrief');
  const detail = await researcher.session(study.id, session.id);
  expect(detail.status).toBe('ended_early');
  const stored = await storedAnswers(await tokenOf(a.page), 'post');
  expect(
    stored.instruments.every((instrument) => !instrument.submitted),
    'no post-survey for a partner never talked with',
  ).toBe(true);
  await a.context.close();
  await b.context.close();
});
