import { expect, type Locator, type Page } from '@playwright/test';

/** instrument id → item id → the value the participant gave, as the API stores it. */
export type GivenAnswers = Record<string, Record<string, unknown>>;

export interface CardInfo {
  readonly index: number;
  readonly kind: string;
  readonly instrumentId: string;
  readonly itemId: string;
}

export async function consent(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Before you start' })).toBeVisible();
  await page.getByRole('button', { name: 'I agree to take part' }).click();
}

export async function answerCovariates(page: Page, level = 'No, we had not met before'): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'A question before we start' })).toBeVisible();
  await page.getByText(level, { exact: true }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

export async function confirmInstructions(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Get ready for the conversation' })).toBeVisible();
  await page.getByRole('button', { name: 'Done, I am ready' }).click();
  await expect(page.getByText('Waiting for your partner to be ready too')).toBeVisible();
}

export function currentCard(page: Page): Locator {
  return page.locator('[data-kind]').first();
}

async function cardInfo(page: Page, index: number): Promise<CardInfo> {
  const card = currentCard(page);
  await expect(card).toBeVisible();
  const [kind, instrumentId, itemId] = await Promise.all(
    ['data-kind', 'data-instrument', 'data-item'].map((name) => card.getAttribute(name)),
  );
  return { index, kind: kind ?? '', instrumentId: instrumentId ?? '', itemId: itemId ?? '' };
}

/** Picks an option by the card's index, so answers vary and a lost one cannot hide behind a default. */
async function answerChoice(card: Locator, index: number, numeric: boolean): Promise<unknown> {
  const radios = card.locator('input[type="radio"]');
  const chosen = radios.nth(index % (await radios.count()));
  const value = await chosen.getAttribute('value');
  await card.locator(`label[for="${await chosen.getAttribute('id')}"]`).click();
  return numeric ? Number(value) : value;
}

/** Answers whatever card is on screen the way a participant would; returns the value given. */
export async function answerCard(page: Page, info: CardInfo): Promise<unknown> {
  const card = currentCard(page);
  switch (info.kind) {
    case 'instruction':
      return undefined;
    case 'likert':
    case 'ios':
      return answerChoice(card, info.index, true);
    case 'attention-check':
      await card.getByText('Strongly disagree', { exact: true }).click();
      return 'strongly_disagree';
    case 'slider': {
      // By keyboard, as a participant without a steady thumb would: 50, then one step per card index.
      await card.getByRole('slider').focus();
      for (let step = 0; step <= info.index % 5; step += 1) await page.keyboard.press('ArrowRight');
      return 51 + (info.index % 5);
    }
    case 'numeric': {
      const value = info.index % 7;
      await card.getByRole('textbox').fill(String(value));
      return value;
    }
    default:
      return answerChoice(card, info.index, false);
  }
}

/** Which card is on screen ('submit' for the final card), to wait until Next has moved on. */
export async function shownCard(page: Page): Promise<string> {
  if (await page.getByTestId('submit-phase').isVisible()) return 'submit';
  const card = currentCard(page);
  return `${await card.getAttribute('data-instrument')}/${await card.getAttribute('data-item')}`;
}

export interface PhaseRun {
  readonly given: GivenAnswers;
  readonly cards: readonly CardInfo[];
}

/**
 * Goes through a phase card by card up to (not including) the final submit, or through its first
 * `cards` cards. `beforeAnswer` and `afterAnswer` let a journey look at, or disturb, any card (axe
 * checks, going offline, reloading).
 */
export async function answerPhase(
  page: Page,
  hooks: {
    beforeAnswer?: (info: CardInfo) => Promise<void>;
    afterAnswer?: (info: CardInfo) => Promise<void>;
    cards?: number;
  } = {},
): Promise<PhaseRun> {
  const given: GivenAnswers = {};
  const cards: CardInfo[] = [];
  const submit = page.getByTestId('submit-phase');
  for (let index = 0; index < (hooks.cards ?? Infinity) && !(await submit.isVisible()); index += 1) {
    const info = await cardInfo(page, index);
    cards.push(info);
    await hooks.beforeAnswer?.(info);
    const value = await answerCard(page, info);
    if (value !== undefined) (given[info.instrumentId] ??= {})[info.itemId] = value;
    await hooks.afterAnswer?.(info);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => shownCard(page), { timeout: 10_000 }).not.toBe(`${info.instrumentId}/${info.itemId}`);
  }
  return { given, cards };
}

export async function waitForSurvey(page: Page, phase: 'pre' | 'post'): Promise<void> {
  await expect(page.locator(`section.survey[data-phase="${phase}"]`)).toBeVisible({ timeout: 20_000 });
}

/**
 * Both phones of a lab dyad from their seat links to the conversation step (phones put away):
 * consent, covariates, instructions and the pre-survey submitted.
 */
export async function throughPreSurvey(pages: readonly Page[], joinPaths: readonly string[]): Promise<void> {
  for (const [i, page] of pages.entries()) await page.goto(joinPaths[i] ?? '');
  for (const page of pages) {
    await consent(page);
    await answerCovariates(page);
  }
  for (const page of pages) await confirmInstructions(page).catch(() => undefined);
  for (const page of pages) {
    await waitForSurvey(page, 'pre');
    await answerPhase(page);
    await page.getByTestId('submit-phase').click();
  }
  for (const page of pages)
    await expect(page.getByRole('heading', { level: 1, name: 'Put your phone away now' })).toBeVisible({ timeout: 15_000 });
}
