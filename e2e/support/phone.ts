import AxeBuilder from '@axe-core/playwright';
import { participantOf, participantState as readState, type Schemas, storedAnswers as readAnswers } from '@attune/api-client';
import { type Browser, type BrowserContext, devices, expect, type Page, type TestInfo } from '@playwright/test';
import { webUrl } from './researcher';

// Everything the issue asks of the participant pages: WCAG 2.0/2.1/2.2 A and AA.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const PARTICIPANT_KEY = 'attune.participant.v1';

/** A phone of its own: separate storage, so two phones are two participants. */
export async function newPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...devices['Pixel 7'] });
  return { context, page: await context.newPage() };
}

/** Numbered screenshots, so the output folder reads as the journey in order. */
export class Shots {
  private count = 0;
  constructor(private readonly testInfo: TestInfo) {}

  async take(page: Page, name: string): Promise<void> {
    this.count += 1;
    const file = this.testInfo.outputPath(`${String(this.count).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
  }
}

export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

export async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${where}`).toEqual([]);
}

/** The page fits the viewport's width: nothing scrolls sideways. */
export async function expectNoSideways(page: Page, where: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(scrollWidth, `${where} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

/** The participant token the phone keeps in localStorage (never shown, never in a URL). */
export async function tokenOf(page: Page): Promise<string> {
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), PARTICIPANT_KEY);
  expect(raw, 'no participant stored on this phone').not.toBeNull();
  return (JSON.parse(raw ?? '{}') as { token: string }).token;
}

/** What the API holds for this participant and phase (read with the participant's own token). */
export function storedAnswers(token: string, phase: 'pre' | 'post'): Promise<Schemas['PhaseAnswersResponse']> {
  return readAnswers(participantOf(webUrl(), token), phase);
}

export function participantState(token: string): Promise<Schemas['ParticipantStateResponse']> {
  return readState(participantOf(webUrl(), token));
}

// React's production build names hydration failures by code only (#418 and its neighbours).
const HYDRATION_ERROR = /hydrat|Minified React error #(418|419|421|422|423|425)\b/i;

/** Collects what React reports when a page's first render did not repeat the server's HTML. */
export function watchHydration(page: Page): () => string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && HYDRATION_ERROR.test(message.text())) seen.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (HYDRATION_ERROR.test(error.message)) seen.push(error.message);
  });
  return () => [...seen];
}
