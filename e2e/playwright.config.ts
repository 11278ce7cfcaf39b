import { defineConfig, devices } from '@playwright/test';

// Debian's chromium: nothing is downloaded, and CI installs the same package with apt.
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/*
 * No webServer: the root test script starts the platform and passes ATTUNE_WEB_URL,
 * ATTUNE_ADMIN_EMAIL and ATTUNE_ADMIN_PASSWORD, so these journeys run against real apps.
 */
export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL: process.env['ATTUNE_WEB_URL'] ?? 'http://localhost:3000',
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: { executablePath },
  },
  // Participant journeys are about phones: they run once, in the phone project. The launch journey
  // is a desk job whose two participant phones are Pixel 7 contexts of their own: desktop only.
  projects: [
    { name: 'phone', testIgnore: /study-builder-launch\.spec\.ts$/, use: { ...devices['Pixel 7'], launchOptions: { executablePath } } },
    { name: 'desktop', testIgnore: /participant-.*\.spec\.ts$/, use: { ...devices['Desktop Chrome'], launchOptions: { executablePath } } },
  ],
});
