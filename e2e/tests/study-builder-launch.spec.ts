import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { answerPhase, throughPreSurvey, waitForSurvey } from '../support/journey';
import { expectAccessible, newPhone, Shots } from '../support/phone';
import type { Study } from '../support/researcher';
import { signIn } from '../support/sign-in';
import { must } from '@attune/api-client';

const PHONE_PRESENT = 'phone=present|seating=face_to_face';
const PHONE_ABSENT = 'phone=absent|seating=face_to_face';
const MEMBER_PASSWORD = 'member-password-123456';

/** Walks the preview frame with its own Next button until the step named `title` is on screen. */
async function stepTo(page: Page, title: RegExp): Promise<void> {
  const position = page.getByTestId('preview-step');
  for (let i = 0; i < 80 && !title.test((await position.textContent()) ?? ''); i += 1) {
    await page.getByRole('button', { name: 'Next step' }).click();
  }
  await expect(position).toHaveText(title);
}

async function previewArm(page: Page, study: Study, condition: string, setup: RegExp): Promise<void> {
  await page.goto(`/studies/${study.id}/preview?condition=${encodeURIComponent(condition)}&lang=en`);
  const phone = page.getByTestId('phone-frame');
  await expect(phone.getByRole('heading', { level: 1, name: 'Before you start' })).toBeVisible();
  const box = await phone.boundingBox();
  expect(box?.width ?? 0, 'a phone-sized frame').toBeLessThanOrEqual(412);
  await expect(page.getByRole('region', { name: 'Room set-up (lab console only)' })).toContainText(setup);
  // The phone's own buttons move the preview on, as they would move the participant on.
  await phone.getByRole('button', { name: 'I agree to take part' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'A question before we start' })).toBeVisible();
  await stepTo(page, /Condition instructions/);
  await expect(phone.getByTestId('condition-instructions')).toContainText('Sit facing each other');
  await stepTo(page, /Before: question 1 of/);
  await expect(phone.locator('[data-kind]').first()).toBeVisible();
  await stepTo(page, /Phones away/);
  await expect(phone.getByRole('heading', { level: 1, name: 'Put your phone away now' })).toBeVisible();
}

/** A member who is not an owner sees the team and nothing to change it with. */
async function expectReadOnlyTeam(browser: Browser, studyId: string, email: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/login?next=${encodeURIComponent(`/studies/${studyId}/team`)}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(MEMBER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  await expect(page.getByTestId('member')).toHaveCount(2);
  await expect(page.getByText("Only the study's owners can change the team (your role: analyst).")).toBeVisible();
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Remove|Add to the team|Change/ })).toHaveCount(0);
  await expectAccessible(page, 'team, read-only');
  await context.close();
}

test('a researcher previews both phone arms, launches through the review, runs a lab dyad, manages the team and closes with the seed verified', async ({
  page,
  browser,
  researcher,
}, testInfo) => {
  test.setTimeout(360_000);
  const shots = new Shots(testInfo);
  await page.setViewportSize({ width: 1280, height: 900 });
  const created = await researcher.draftStudy('phone_seating', `e2e builder ${testInfo.project.name} ${Date.now()}`);
  const completion = created.design.completion.code ?? '';
  await signIn(page, `/studies/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: created.title })).toBeVisible();

  await test.step('preview both arms of the phone factor in the phone frame, nobody joins', async () => {
    const participantCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/participant')) participantCalls.push(request.url());
    });
    await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Preview' }).click();
    await previewArm(page, created, PHONE_PRESENT, /place the study phone/i);
    await expect(page).toHaveTitle(/Participant preview/);
    await expectAccessible(page, 'participant preview');
    await shots.take(page, 'preview-phone-present');
    await previewArm(page, created, PHONE_ABSENT, /desk to the side and the table are empty/i);
    await stepTo(page, /Completion/);
    await expect(page.getByTestId('phone-frame').getByTestId('completion-code')).toHaveText(completion);
    await expectAccessible(page, 'participant preview, completion');
    await shots.take(page, 'preview-phone-absent-completion');
    // Online, the questions about the partner wait for the waiting room, and the phone keeps the time.
    await page.getByRole('navigation', { name: 'Kind of session to preview' }).getByRole('link', { name: 'Online session' }).click();
    await expect(page.getByTestId('preview-condition')).toContainText('online session');
    await stepTo(page, /Waiting room/);
    await expect(page.getByTestId('phone-frame').getByRole('heading', { level: 1, name: 'Finding a conversation partner' })).toBeVisible();
    await stepTo(page, /The conversation \(timer on the phone\)/);
    await expect(page.getByTestId('phone-frame').getByRole('timer')).toHaveText(/^(10:00|9:5\d)$/);
    await expectAccessible(page, 'participant preview, online conversation');
    expect(participantCalls, 'the preview calls no participant route').toEqual([]);
    expect(await researcher.sessions(created.id), 'the preview created no session').toHaveLength(0);
  });

  await test.step('the launch review lists a problem, then launches once it is fixed', async () => {
    await researcher.editDesign(created.id, { ...created.design, languages: ['en', 'de'] });
    await page.goto(`/studies/${created.id}/preview?condition=${encodeURIComponent(PHONE_PRESENT)}&lang=de`);
    await expect(page.getByRole('note').filter({ hasText: 'Not translated into de' })).toContainText('Consent text (shown in en)');
    await expect(page.getByTestId('phone-frame').getByRole('heading', { level: 1, name: 'Before you start' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Launch' }).click();
    await expect(page.getByTestId('design-problems')).toContainText('in "de"');
    await expect(page.getByRole('button', { name: 'Launch the study…' })).toBeDisabled();
    await expectAccessible(page, 'launch review with problems');
    await shots.take(page, 'launch-problems');
    await researcher.editDesign(created.id, created.design);
    await page.reload();
    await expect(page.getByTestId('no-problems')).toBeVisible();
    await expect(page.getByTestId('protocol-summary')).toContainText('Stratified permuted blocks');
    await page.getByRole('button', { name: 'Launch the study…' }).click();
    await expect(page.getByText('Launch now?')).toBeVisible();
    await expectAccessible(page, 'launch review, confirming');
    await shots.take(page, 'launch-confirm');
    await page.getByRole('button', { name: 'Yes, launch the study' }).click();
    await expect(page).toHaveURL(new RegExp(`/studies/${created.id}\\?launched=1$`));
    await expect(page.getByTestId('protocol')).toHaveText(/^version 1, SHA-256 [0-9a-f]{64}$/);
    await expect(page.getByTestId('launched')).toBeVisible();
  });

  await test.step('a lab session with two phones runs to completion from the lab console', async () => {
    await page.getByRole('link', { name: 'Lab console and QR seat links' }).click();
    await page.getByRole('button', { name: 'Create a lab session' }).click();
    const seatLinks = page.getByTestId('new-lab-session').getByRole('link');
    await expect(seatLinks).toHaveCount(2);
    const joinPaths = await Promise.all([0, 1].map(async (i) => new URL((await seatLinks.nth(i).getAttribute('href')) ?? '').pathname));
    const phones = [await newPhone(browser), await newPhone(browser)];
    await throughPreSurvey(
      phones.map((phone) => phone.page),
      joinPaths,
    );
    await page.reload();
    await page
      .getByRole('link', { name: /^Console of session/ })
      .first()
      .click();
    await page.getByRole('button', { name: /^Start the \d+-minute conversation$/ }).click();
    await expect(page.getByTestId('console-timer')).toBeVisible({ timeout: 10_000 });
    await page.getByRole('button', { name: 'End the conversation now' }).click();
    for (const { page: phone } of phones) {
      await waitForSurvey(phone, 'post');
      await answerPhase(phone);
      await phone.getByTestId('submit-phase').click();
    }
    for (const { page: phone } of phones) await expect(phone.getByTestId('completion-code')).toHaveText(completion, { timeout: 15_000 });
    for (const phone of phones) await phone.context.close();
  });

  await test.step('the team: add and remove a member, and the last owner stays', async () => {
    const email = `e2e-member-${testInfo.project.name}-${Date.now()}@example.org`;
    await must(researcher.api.POST('/api/users', { body: { email, password: MEMBER_PASSWORD, isAdmin: false } }), 'create user');
    await page.goto(`/studies/${created.id}`);
    await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Team' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Role', { exact: true }).selectOption('analyst');
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await expect(page.getByRole('status')).toHaveText(`If an account with ${email} exists, it now has the role analyst in this study.`);
    const row = page.getByTestId('member').filter({ hasText: email });
    await expect(row).toContainText(email);
    await expect(row.getByRole('combobox')).toHaveValue('analyst');
    await expectAccessible(page, 'team');
    await shots.take(page, 'team-added');
    await expectReadOnlyTeam(browser, created.id, email);
    await row.getByRole('button', { name: `Remove ${email}` }).click();
    await row.getByRole('button', { name: 'Yes, remove' }).click();
    await expect(page.getByTestId('member').filter({ hasText: email })).toHaveCount(0);

    const me = page.getByTestId('member').filter({ hasText: '(you)' });
    await me.getByRole('combobox').selectOption('analyst');
    await me.getByRole('button', { name: /^Change the role of/ }).click();
    await expect(me.getByRole('alert').filter({ hasText: 'last owner, so the role cannot change' })).toBeVisible();
    await me.getByRole('button', { name: /^Remove / }).click();
    await me.getByRole('button', { name: 'Yes, remove' }).click();
    await expect(me.getByRole('alert').filter({ hasText: 'last owner, so they cannot be removed' })).toBeVisible();
    await expectAccessible(page, 'team, last-owner refusal');
    await shots.take(page, 'team-last-owner');
  });

  await test.step('pause, resume, and close asking once: the seed is revealed and verified', async () => {
    await page.goto(`/studies/${created.id}`);
    await page.getByRole('button', { name: 'Pause recruitment' }).click();
    await expect(page.getByRole('button', { name: 'Resume recruitment' })).toBeVisible();
    await page.getByRole('button', { name: 'Resume recruitment' }).click();
    await page.getByRole('button', { name: 'Close the study…' }).click();
    await expect(page.getByText('Close the study for good?')).toBeVisible();
    await page.getByRole('button', { name: 'Yes, close the study' }).click();
    await expect(page.getByTestId('verification')).toHaveText(/^Verified: every stored allocation \(1 in \d+ strat/);
    await expectAccessible(page, 'study page after close');
    await shots.take(page, 'closed-verified');
  });
});
