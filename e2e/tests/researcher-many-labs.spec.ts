import { expect, test } from '../support/fixtures';
import { expectAccessible, Shots } from '../support/phone';
import { signIn } from '../support/sign-in';

// The seeded demo's simulated many-labs study (apps/api/src/cli/demo-simulation.ts): three sites,
// each with its own phone effect, so the pooled estimate has heterogeneity to show.
const SIMULATED = /SIMULATED demo data/;

test("the replication page pools the seeded demo's three sites: forest plot with site rows, the pooled diamond and the prediction interval", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const shots = new Shots(testInfo);
  await signIn(page);
  await expect(page).toHaveURL(/\/studies$/);
  await page.getByRole('link', { name: SIMULATED }).click();
  await expect(page.getByRole('heading', { level: 1, name: SIMULATED })).toBeVisible();
  await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Replication' }).click();
  await expect(page).toHaveTitle(/Replication/);

  const forest = page.getByTestId('site-forest');
  await expect(forest).toBeVisible();
  await expect(forest.getByTestId('site-row')).toHaveCount(3);
  for (const site of ['Main site', 'University of Essex (simulated)', 'Universität Konstanz (simulated)'])
    await expect(forest).toContainText(site);
  await expect(forest.getByTestId('pooled-row')).toContainText('Pooled (random effects)');
  await expect(forest.getByTestId('pooled-row')).toContainText('Prediction interval');
  const figures = page.getByTestId('pooled-figures');
  await expect(figures).toContainText('REML, 3 sites');
  await expect(figures).toContainText(/τ² = [\d.]+, I² = [\d.]+ %, Q\(2\) = [\d.]+/);
  // The text alternative reads every site's g and the pooled estimate out.
  await expect(forest.locator('title')).toContainText('pooled');

  await expect(page.getByRole('heading', { name: 'Other sites' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Protocol file' })).toHaveAttribute('href', /\/protocol-file$/);
  await expectAccessible(page, 'replication page with pooled sites');
  await shots.take(page, 'many-labs-forest');
});
