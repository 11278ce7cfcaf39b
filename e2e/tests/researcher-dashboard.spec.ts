import { readFileSync } from 'node:fs';
import { completedDyad } from '../support/api-dyad';
import { expect, test } from '../support/fixtures';
import { expectAccessible, Shots } from '../support/phone';
import { adminCredentials } from '../support/researcher';
import { must } from '@attune/api-client';
import { zipEntries } from '../support/zip';

// Every arm gets two dyads: closer after the conversation without the phone, so the numbers differ by arm.
const ANSWERS: ReadonlyArray<readonly [number, number, number, number]> = [
  [3, 4, 3, 3],
  [2, 3, 3, 2],
  [3, 3, 5, 6],
  [4, 3, 6, 5],
];

test('a researcher follows a study: study page, live monitor, results with toggles, replication panel, export bundle, power calculator', async ({
  page,
  researcher,
}, testInfo) => {
  test.setTimeout(240_000);
  const shots = new Shots(testInfo);
  await page.setViewportSize({ width: 1280, height: 900 });
  const study = await researcher.launchedStudy('phone_only', {
    instruments: { pre: [{ id: 'ios', version: 2 }], post: [{ id: 'ios', version: 2 }] },
  });
  const detail = await researcher.study(study.id);
  expect(detail.joinCode).toBeTruthy();
  for (const answers of [...ANSWERS, ...ANSWERS]) await completedDyad(researcher, study.id, answers);

  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(adminCredentials().email);
  await page.getByLabel('Password', { exact: true }).fill(adminCredentials().password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/studies$/);
  await expect(page).toHaveTitle(/Studies/);
  await expectAccessible(page, 'studies list');
  await page.getByRole('link', { name: study.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: study.title })).toBeVisible();
  await expect(page.getByText(/version 1, SHA-256/)).toBeVisible();
  // Client-side navigation streams the new <title> in after the content: wait for it before axe.
  await expect(page).toHaveTitle(/Study/);
  await expectAccessible(page, 'study page');
  await shots.take(page, 'study');

  // The monitor shows the flow, and picks up a session created after it was opened, without a reload.
  await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Live monitor' }).click();
  await expect(page.getByTestId('consort')).toBeVisible();
  // Allocation uses permuted blocks of random size, so the arms need not be equal: count the whole flow.
  await expect(page.getByTestId('consort')).toContainText('Randomised: 16 people');
  const fresh = await researcher.labSession(study.id);
  await expect(page.getByTestId('running-sessions')).toContainText(fresh.code, { timeout: 15_000 });
  // Two more phones finish a session while the monitor is open: the flow counts follow.
  await completedDyad(researcher, study.id, [4, 4, 5, 5]);
  await expect(page.getByTestId('consort')).toContainText('Randomised: 18 people', { timeout: 15_000 });
  await expect(page).toHaveTitle(/Live monitor/);
  await expectAccessible(page, 'live monitor');
  await shots.take(page, 'monitor');

  await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Results' }).click();
  const scale = page.getByTestId('scale-result').first();
  await expect(scale).toContainText('Inclusion of Other in the Self');
  await expect(scale.getByRole('table', { name: /Factorial model, after/ })).toBeVisible();
  await expect(scale.getByText(/g = /)).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await expect(page).toHaveTitle(/Results/);
  await expectAccessible(page, 'results');
  await shots.take(page, 'results');
  // The system's dark theme: the same page, still readable (axe checks contrast again).
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'results, dark theme');
  await shots.take(page, 'results-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByLabel('Per protocol (leave out failed checks)').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/perProtocol=true/);
  await expect(page.getByLabel('Per protocol (leave out failed checks)')).toBeChecked();

  await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Replication' }).click();
  await expect(page.getByTestId('replication-message')).toContainText('No original effect is recorded');
  await must(
    researcher.api.PUT('/api/studies/{studyId}/original-effect', {
      params: { path: { studyId: study.id } },
      body: {
        factorId: 'phone',
        instrumentId: 'ios',
        instrumentVersion: 2,
        scale: 'ios',
        phase: 'post',
        citation: 'An invented original for this journey',
        locator: 'Table 1',
        statistic: { kind: 'd', d: -0.8, n1: 20, n2: 20 },
        verifiedBy: 'Journey',
        verifiedOn: '2026-12-02',
      },
    }),
    'original effect',
  );
  await page.reload();
  await expect(page.getByTestId('forest')).toBeVisible();
  await expect(page.getByTestId('replication-label')).toContainText(/signal/i);
  await expect(page).toHaveTitle(/Replication/);
  await expectAccessible(page, 'replication');
  await shots.take(page, 'replication');

  // The analyst's way out: the export page, and the whole bundle downloaded through the browser.
  await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Export' }).click();
  await expect(page.getByTestId('export-files').getByRole('link')).toHaveCount(10);
  await expect(page).toHaveTitle(/Export/);
  await expectAccessible(page, 'export');
  await shots.take(page, 'export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'bundle.zip' }).click()]);
  expect(download.suggestedFilename()).toMatch(/_bundle_v1_[0-9a-f]{8}_\d{8}\.zip$/);
  const entries = zipEntries(readFileSync(await download.path()));
  for (const name of ['wide', 'long', 'scores', 'pairwise', 'codebook'])
    expect(entries.some((entry) => entry.includes(`_${name}_`) && entry.endsWith('.csv'))).toBe(true);
  expect(entries.some((entry) => /_protocol_v1_[0-9a-f]{8}_\d{8}\.json$/.test(entry))).toBe(true);
  expect(entries.some((entry) => /README/.test(entry))).toBe(true);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Power calculator' }).click();
  await expect(page.getByTestId('power-answer')).toHaveText('64 sessions per condition');
  await expect(page).toHaveTitle(/Power calculator/);
  await expectAccessible(page, 'power');
  await shots.take(page, 'power');
});
