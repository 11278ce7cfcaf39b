import type { Page, Route } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { currentCard } from '../support/journey';
import { kindsInstrument } from '../support/kinds-fixture';
import { expectAccessible, expectNoSideways, Shots } from '../support/phone';

/*
 * The renderers of the item kinds that no shipped instrument uses (the API only serves shipped
 * instruments, so these cannot reach a real session yet). The participant app runs for real, from
 * the production build; only the participant API and the instrument JSON are stood in for.
 */

const participant = { token: 'atp_items-fixture', participantId: '11111111-1111-4111-8111-111111111111', entry: 'seat:fixture' };

function state(submitted: boolean) {
  return {
    participant: {
      id: participant.participantId,
      status: 'consented',
      language: 'en',
      seatNumber: 1,
      consentGiven: true,
      covariatesAnswered: true,
      instructionsConfirmed: true,
      canRejoin: false,
    },
    study: { title: 'Renderer fixture', languages: ['en'], consent: { version: '1', text: 'Fixture' }, covariateQuestions: [] },
    session: {
      status: submitted ? 'complete' : 'post_survey',
      size: 1,
      seatsTaken: 1,
      seatsConsented: 1,
      seatsReady: 1,
      incomplete: false,
      conversation: null,
      instructions: { steps: [], topics: [], conversation: '' },
      timedBy: 'console',
      phase: submitted ? null : 'post',
      instruments: submitted ? [] : [{ id: kindsInstrument.id, version: kindsInstrument.version }],
    },
    completion: submitted ? { kind: 'code', code: 'FIXTURE-OK' } : null,
  };
}

/** Stands in for the participant API; the single-choice "maybe" is refused the way the API refuses. */
async function standIn(page: Page, saved: Record<string, unknown>): Promise<void> {
  let submitted = false;
  const json = (route: Route, status: number, body: unknown) =>
    route.fulfill({ status, contentType: status >= 400 ? 'application/problem+json' : 'application/json', body: JSON.stringify(body) });
  await page.route(`**/p/instruments/${kindsInstrument.id}/1`, (route) => json(route, 200, kindsInstrument));
  await page.route('**/api/participant/state', (route) => json(route, 200, state(submitted)));
  await page.route('**/api/participant/answers/post', (route) =>
    json(route, 200, { instruments: [{ id: kindsInstrument.id, version: 1, answers: {}, submitted }] }),
  );
  await page.route('**/api/participant/answers/post/kinds_demo/*', (route) => {
    const itemId = route.request().url().split('/').pop() ?? '';
    const { value } = route.request().postDataJSON() as { value: unknown };
    if (itemId === 'seat_side' && value === 'maybe') {
      return json(route, 400, {
        type: 'about:blank',
        title: 'Some answers are not valid',
        status: 400,
        code: 'INVALID_ANSWERS',
        requestId: 'fixture',
        errors: [{ path: 'answers.seat_side', code: 'NOT_AN_OPTION', message: 'x' }],
      });
    }
    saved[itemId] = value;
    return json(route, 200, { itemId, saved: true });
  });
  await page.route('**/api/participant/phases/post/submit', (route) => {
    submitted = true;
    return json(route, 201, { phase: 'post', submittedAt: new Date().toISOString() });
  });
  await page.addInitScript((stored) => window.localStorage.setItem('attune.participant.v1', JSON.stringify(stored)), participant);
}

async function check(page: Page, shots: Shots, name: string): Promise<void> {
  await expectAccessible(page, name);
  await expectNoSideways(page, name);
  await shots.take(page, name);
}

const next = (page: Page) => page.getByRole('button', { name: 'Next', exact: true }).click();
const errorOf = (page: Page) => currentCard(page).getByRole('alert');

async function singleAndMulti(page: Page, shots: Shots): Promise<void> {
  await expect(currentCard(page)).toHaveAttribute('data-kind', 'single-choice');
  await check(page, shots, 'single-choice');
  await page.getByText('Somewhere else', { exact: true }).click();
  await expect(errorOf(page)).toHaveText('Please choose one of the options.');
  await check(page, shots, 'single-choice-refused-by-server');
  await page.getByText('On the right', { exact: true }).click();
  await expect(errorOf(page)).toHaveCount(0);
  await next(page);

  await expect(currentCard(page)).toHaveAttribute('data-kind', 'multi-choice');
  await next(page);
  await expect(errorOf(page)).toHaveText('Please tick the options that apply, or “None of these”.');
  await check(page, shots, 'multi-choice-required');
  for (const label of ['Work or studies', 'Family', 'Travel']) await page.getByText(label, { exact: true }).click();
  await expect(errorOf(page)).toHaveText('Please choose between 0 and 2 options.');
  await check(page, shots, 'multi-choice-too-many');
  await page.getByText('None of these', { exact: true }).click();
  await expect(page.getByLabel('Family')).not.toBeChecked();
  await page.getByText('Family', { exact: true }).click();
  await page.getByText('Travel', { exact: true }).click();
  await expect(errorOf(page)).toHaveCount(0);
  await next(page);
}

async function slider(page: Page, shots: Shots): Promise<void> {
  const range = page.getByRole('slider', { name: 'How much did you enjoy the conversation?' });
  await expect(range).toHaveAttribute('aria-valuetext', 'Not answered yet');
  await expect(page.getByText('Not answered yet: tap or drag the slider')).toBeVisible();
  await next(page);
  await expect(errorOf(page)).toHaveText('Please choose an answer to continue.');
  await check(page, shots, 'slider-not-answered');
  await range.focus();
  await page.keyboard.press('ArrowRight');
  await expect(range).toHaveAttribute('aria-valuetext', '51 out of 100');
  await page.keyboard.press('End');
  await expect(range).toHaveAttribute('aria-valuetext', '100 out of 100');
  await page.keyboard.press('PageDown');
  await expect(page.getByText(/^Your answer: \d+$/)).toBeVisible();
  await check(page, shots, 'slider-answered-by-keyboard');
  await next(page);
}

async function numericAndText(page: Page, shots: Shots): Promise<void> {
  const age = page.getByRole('textbox', { name: 'How old are you?' });
  for (const [typed, message] of [
    ['abc', 'Please enter a number, using digits.'],
    ['150', 'Please enter a number from 16 to 120.'],
    ['30,5', 'Please enter a whole number.'],
  ] as const) {
    await age.fill(typed);
    await expect(errorOf(page)).toHaveText(message);
  }
  await check(page, shots, 'numeric-error');
  await age.fill('42');
  await expect(errorOf(page)).toHaveCount(0);
  await next(page);

  const words = page.getByRole('textbox', { name: 'Describe the conversation in a few words.' });
  await words.fill('A long and winding conversation');
  await expect(errorOf(page)).toHaveText('Please shorten your answer to 20 characters or fewer.');
  await check(page, shots, 'text-too-long');
  await words.fill('Warm 😊 and easy');
  await expect(page.getByText('15 of 20 characters')).toBeVisible();
  await next(page);
  await expect(currentCard(page)).toHaveAttribute('data-kind', 'text');
  await check(page, shots, 'text-optional');
  await next(page);
}

test('every item kind without a shipped instrument renders, validates and saves on a 320 px phone', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const shots = new Shots(testInfo);
  const saved: Record<string, unknown> = {};
  await standIn(page, saved);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/p');
  await expect(page.getByTestId('survey-step')).toHaveText('Question 1 of 6');
  await singleAndMulti(page, shots);
  await slider(page, shots);
  await numericAndText(page, shots);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  // Only valid answers reach the server; the refused and the invalid ones never overwrite them.
  expect(saved).toMatchObject({ seat_side: 'right', topics: ['family', 'travel'], age: 42, one_word: 'Warm 😊 and easy' });
  expect(typeof saved['enjoyment']).toBe('number');
  await page.getByTestId('submit-phase').click();
  await expect(page.getByTestId('completion-code')).toHaveText('FIXTURE-OK');
  await check(page, shots, 'completion');
});
