import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { expectAccessible, expectNoSideways, Shots } from '../support/phone';
import { adminCredentials } from '../support/researcher';
import { signIn } from '../support/sign-in';
import { must } from '@attune/api-client';

/** A field of the design editor: its id is the API's problem path. */
const field = (page: Page, path: string) => page.locator(`[id="${path}"]`);

async function signedIn(page: Page): Promise<void> {
  await signIn(page);
  await expect(page).toHaveURL(/\/studies$/);
}

/** Autosave has run and the API accepted the edit. */
async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 15_000 });
}

async function secondEditor(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signedIn(page);
  await page.goto(url);
  return page;
}

test('a researcher builds a phone × seating study from its template, translates it, meets a conflicting edit, launches and amends it', async ({
  page,
  browser,
  researcher,
}, testInfo) => {
  test.setTimeout(240_000);
  const shots = new Shots(testInfo);
  await signedIn(page);

  // New study from the template, which says what it replicates and how it deviates.
  await page.getByRole('link', { name: 'New study' }).click();
  await expect(page).toHaveTitle(/New study/);
  await expect(page.getByText(/Przybylski, A. K., & Weinstein/).first()).toBeVisible();
  await expectAccessible(page, 'new study');
  await shots.take(page, 'new-study');
  const title = `Builder journey ${Date.now()}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Phone presence × seating (seating exploratory)').check();
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await expect(page).toHaveURL(/\/studies\/[0-9a-f-]{36}\/design$/);
  const studyId = /studies\/([0-9a-f-]{36})\/design/.exec(page.url())?.[1] ?? '';
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Design: ${title}`);
  await expect(page.getByTestId('problem-summary')).toContainText('Ready to launch');
  await expect(page.getByTestId('imbalance')).toContainText('within each of the 3 strata');
  await expect(page.getByTestId('power-sentence')).toContainText('30 dyads per condition give 80 % power for d = 0.74');
  await expect(page).toHaveTitle(/Design/);
  await expectAccessible(page, 'design editor');
  await expectNoSideways(page, 'design editor');
  await shots.take(page, 'design');

  // Every item of an instrument as the phone shows it, with the participant components.
  await page.getByRole('button', { name: 'Preview ios v2' }).first().click();
  const preview = page.getByTestId('instrument-preview');
  await expect(preview.locator('[data-instrument="preview-ios"]').first()).toBeVisible();
  await expect(preview.getByRole('heading', { name: /Inclusion of Other in the Self/ })).toBeFocused();
  await expectAccessible(page, 'instrument preview');
  await preview.getByRole('button', { name: 'Close preview' }).click();

  // A level's participant instructions.
  const sideBySide = 'design.factors[1].levels[1].instructions';
  await field(page, `${sideBySide}.en`).fill('Sit next to each other on the bench, both facing the window.');
  await saved(page);

  // German: every used text gets a German field; the missing ones are listed and flagged at the field.
  await page.getByLabel('Add a language (code)').fill('de');
  await page.getByRole('button', { name: 'Add language' }).click();
  await saved(page);
  await expect(page.getByTestId('missing-translations')).toContainText('Consent text: no German (de) text');
  await expect(field(page, 'design.consent.text.de')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('problem-summary').getByRole('link', { name: 'Consent, text, in "de"' })).toBeVisible();
  await expect(field(page, `${sideBySide}.de`)).toHaveValue(/nebeneinander/);
  await expectAccessible(page, 'design editor with a missing translation');
  await shots.take(page, 'missing-translation');
  await field(page, 'design.consent.text.de').fill('Sie sind zu einer Studie über Gespräche eingeladen.');
  await saved(page);
  await expect(field(page, 'design.consent.text.de')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('missing-translations')).not.toContainText('Consent text');

  // Someone else saves the same draft: this editor's next save is refused, with who changed what.
  const other = await secondEditor(browser, `/studies/${studyId}/design`);
  await other.getByRole('textbox', { name: 'Title', exact: true }).fill(`${title} (their title)`);
  await saved(other);
  await field(page, 'design.conversation.instructions.de').fill('Sprechen Sie über die bedeutsamsten Ereignisse des vergangenen Jahres.');
  const conflict = page.getByTestId('edit-conflict');
  await expect(conflict).toContainText(`${adminCredentials().email} changed the title`, { timeout: 15_000 });
  await expect(page.getByTestId('save-status')).toHaveText('Saving stopped');
  await expectAccessible(page, 'edit conflict');
  await shots.take(page, 'conflict');
  await page.getByRole('button', { name: 'Load their version' }).click();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(`${title} (their title)`);
  await expect(conflict).toBeHidden();
  await other.context().close();

  // Back to English only, so the library's English-only instruments can launch; launch through the API.
  await page.getByRole('button', { name: 'Remove German (de)' }).click();
  await saved(page);
  await researcher.launch(studyId);

  // Amend the conversation text with a reason: allocation parts are locked, the diff shows the change.
  await page.goto(`/studies/${studyId}/amend`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Amend: ${title} (their title)`);
  await expect(field(page, 'design.factors[0].id')).toHaveAttribute('readonly', '');
  await expect(page.getByText(/Locked after launch/).first()).toBeVisible();
  await field(page, 'design.conversation.instructions.en').fill(
    'Talk about the most meaningful events of the past year, until the research assistant says the time is up.',
  );
  await expect(page.getByTestId('amend-diff')).toContainText('conversation.instructions.en');
  await expect(page.getByTestId('save-status')).toHaveText('Checked', { timeout: 15_000 });
  await page.getByLabel(/Reason for the amendment/).fill('Clearer ending for the conversation text');
  await expectAccessible(page, 'amendment');
  await expectNoSideways(page, 'amendment');
  await shots.take(page, 'amend');
  await page.getByRole('button', { name: 'Save as protocol version 2' }).click();
  await expect(page).toHaveURL(new RegExp(`/studies/${studyId}(\\?|$)`));
  await expect(page.getByTestId('protocol')).toContainText('version 2, SHA-256');
  const protocols = await must(researcher.api.GET('/api/studies/{studyId}/protocols', { params: { path: { studyId } } }), 'protocols');
  expect(protocols.map((p) => [p.version, p.reason])).toEqual([
    [1, null],
    [2, 'Clearer ending for the conversation text'],
  ]);
  await expectAccessible(page, 'study page after the amendment');
  await shots.take(page, 'amended');
});

test('from scratch: launch problems are listed, linked to their fields and flagged there until fixed', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const shots = new Shots(testInfo);
  await signedIn(page);
  await page.goto('/studies/new');
  await page.getByLabel('Title').fill(`Scratch ${Date.now()}`);
  await page.getByLabel('Start from scratch').check();
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await expect(page).toHaveURL(/\/design$/);

  const summary = page.getByTestId('problem-summary');
  await expect(summary.getByRole('heading')).toHaveText('3 problems launch would refuse');
  await summary.getByRole('link', { name: 'Consent, text, in "en"' }).click();
  await expect(page).toHaveURL(/#design\.consent\.text\.en$/);
  await expect(field(page, 'design.consent.text.en')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, 'design.consent.text.en')).toHaveAccessibleDescription(/needs a text in "en"/);
  await expect(field(page, 'design.instruments.post')).toContainText('a study needs at least one post-conversation instrument');
  await expectAccessible(page, 'scratch design with problems');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'scratch design with problems, dark theme');
  await shots.take(page, 'scratch-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await field(page, 'design.consent.text.en').fill('You are invited to a study about conversations.');
  await field(page, 'design.conversation.instructions.en').fill('Talk about your favourite place.');
  await page.getByLabel('Instrument', { exact: true }).selectOption({ label: 'Inclusion of Other in the Self (IOS) (ios v2; en, de)' });
  await page.getByRole('button', { name: 'Add to “after the conversation”' }).click();
  await saved(page);
  await expect(summary.getByRole('heading')).toHaveText('Ready to launch: no problems');
  await expect(field(page, 'design.consent.text.en')).not.toHaveAttribute('aria-invalid', 'true');
  await shots.take(page, 'scratch-ready');
});
