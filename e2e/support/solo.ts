import { expect, type Page } from '@playwright/test';
import { answerCovariates, confirmInstructions, consent, waitForSurvey } from './journey';
import type { Researcher, StudyDesign } from './researcher';

const SOLO_QUESTION: StudyDesign['covariates'][number] = {
  id: 'acquainted',
  label: 'Knew the research assistant before',
  source: 'participant',
  question: { en: 'Did you know the research assistant before today?' },
  levels: [
    { id: 'strangers', label: 'No', text: { en: 'No, we had not met before' } },
    { id: 'acquainted', label: 'Yes', text: { en: 'Yes, we knew each other' } },
  ],
};

/**
 * A one-seat session of the phone × topic study: the shortest way to a real pre-survey for journeys
 * about one phone (offline, reload, double tap). Returns the study and session for researcher calls.
 */
export async function soloPreSurvey(page: Page, researcher: Researcher): Promise<{ studyId: string; sessionId: string }> {
  // One seat has no partner, so the template's partner question is asked as a plain one here.
  const study = await researcher.launchedStudy('phone_topic', { sessionSize: 1, covariates: [SOLO_QUESTION] });
  const session = await researcher.labSession(study.id);
  await page.goto(session.seats[0]?.joinPath ?? '');
  await consent(page);
  await answerCovariates(page);
  await confirmInstructions(page).catch(async () => {
    // With one seat nobody is waited for: the survey may already be open.
    await expect(page.locator('section.survey')).toBeVisible();
  });
  await waitForSurvey(page, 'pre');
  return { studyId: study.id, sessionId: session.id };
}

/** Counts the final-submit requests and 201 answers of one phase, as seen by the browser. */
export function countSubmits(page: Page, phase: 'pre' | 'post'): { sent: () => number; created: () => number } {
  let sent = 0;
  let created = 0;
  const path = `/api/participant/phases/${phase}/submit`;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === path) sent += 1;
  });
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && new URL(response.url()).pathname === path && response.status() === 201) created += 1;
  });
  return { sent: () => sent, created: () => created };
}
