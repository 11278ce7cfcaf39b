import { BILINGUAL, bilingual } from '@attune/api-client';
import { expect, test } from '../support/fixtures';
import { answerPhase, waitForSurvey } from '../support/journey';
import { expectAccessible, participantState, Shots, tokenOf, watchHydration } from '../support/phone';
import type { StudyDesign } from '../support/researcher';

const PROLIFIC_DONE = 'https://app.prolific.com/submissions/complete?cc=C1A2B3C4';

/**
 * phone_only, offered in English and German (the shared bilingual design and its texts), one seat
 * per session, sending Prolific participants back.
 */
function bilingualOnline(design: StudyDesign): StudyDesign {
  const german = bilingual(design, [
    { id: 'ios', version: 1 },
    { id: 'closeness_sci', version: 1 },
  ]);
  return {
    ...german,
    sessionSize: 1,
    // Alone: only the participant's own question, about no partner, and nothing for a research assistant to observe.
    covariates: german.covariates
      .filter((covariate) => covariate.source === 'participant')
      .map(({ relation: _none, ...covariate }) => covariate),
    stratifyBy: [],
    consent: { ...german.consent, version: '2' },
    completion: { kind: 'redirect', url: PROLIFIC_DONE },
  };
}

test('an online participant from Prolific picks German, finishes, notes the withdrawal code and goes back with the completion code', async ({
  page,
  context,
  researcher,
}, testInfo) => {
  test.setTimeout(120_000);
  const shots = new Shots(testInfo);
  const study = await researcher.launchedStudy('phone_only', bilingualOnline);
  await context.route('https://app.prolific.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Prolific</title><p>Prolific stand-in</p>' }),
  );

  await page.goto(`/s/${study.joinCode}?PROLIFIC_PID=5f0c1e2d3b4a596877665544&STUDY_ID=study42&SESSION_ID=sess42`);
  await expect(page.getByTestId('consent-text')).toHaveText(BILINGUAL.consent.en);
  await expect(page).toHaveURL(/\/p$/);
  const joined = await tokenOf(page);
  await page.getByLabel('Language').selectOption('de');
  await expect(page.getByTestId('consent-text')).toHaveText(BILINGUAL.consent.de);
  await expect(page.getByLabel('Language')).toHaveValue('de');
  expect(await tokenOf(page), 'the same participant, in another language').toBe(joined);
  // Reloaded, the server renders the consent in German, picker included, and the phone repeats it.
  const hydration = watchHydration(page);
  await page.reload();
  await expect(page.getByTestId('consent-text')).toHaveText(BILINGUAL.consent.de);
  await expect(page.getByLabel('Language')).toHaveValue('de');
  expect(hydration(), 'no hydration mismatch').toEqual([]);
  await expectAccessible(page, 'consent with the language picker');
  await shots.take(page, 'consent-german');
  await page.getByRole('button', { name: 'I agree to take part' }).click();

  await page.getByText(BILINGUAL.levels['strangers']?.de ?? '', { exact: true }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('condition-instructions')).toHaveAttribute('lang', 'de');
  await page.getByRole('button', { name: 'Done, I am ready' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Talk with your partner' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('topic-card')).toContainText('Sprechen Sie über das Thema');
  const token = await tokenOf(page);
  const state = await participantState(token);
  expect(state.participant.language, 'the choice is recorded').toBe('de');

  const [session] = await researcher.sessions(study.id);
  await researcher.endConversation(study.id, session?.id ?? '');
  await waitForSurvey(page, 'post');
  await expect(page.getByText('Welches Bild beschreibt Ihre Beziehung')).toBeVisible();
  await expectAccessible(page, 'German IOS item');
  await shots.take(page, 'ios-german');
  await answerPhase(page);
  await page.getByTestId('submit-phase').click();
  // The withdrawal code comes first; the participant goes on to Prolific with a tap.
  await expect(page.getByTestId('withdrawal-code')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, { timeout: 20_000 });
  await page.getByTestId('finish-redirect').click();
  await expect(page).toHaveURL(PROLIFIC_DONE, { timeout: 20_000 });
  await shots.take(page, 'back-on-prolific');
});
