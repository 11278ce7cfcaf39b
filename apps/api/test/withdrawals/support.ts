import { completedSession, type PhaseAnswers } from '@attune/api-client';
import request from 'supertest';
import type { TestApp } from '../support/app';
import type { Owner } from '../support/studies';
import { launchedStudy, type LabSessionFixture, Phone, type StudyFixture } from '../sessions/factories';
import { baseUrlOf } from '../support/http-client';

export const INSTRUMENTS = {
  pre: [{ id: 'closeness_sci', version: 1 }],
  post: [
    { id: 'ios', version: 1 },
    { id: 'debrief', version: 1 },
  ],
};

export interface FinishedSession {
  readonly session: LabSessionFixture;
  readonly phones: readonly Phone[];
}

/** A phone_topic study with a pre-survey, and a post-survey that ends with the debriefing (free text). */
export function withdrawalStudy(owner: Owner, daysAfterClose?: number): Promise<StudyFixture> {
  return launchedStudy(owner, {
    templateId: 'phone_topic',
    edit: (design) => ({
      ...design,
      instruments: INSTRUMENTS,
      ...(daysAfterClose === undefined ? {} : { withdrawal: { daysAfterClose } }),
    }),
  });
}

/** Each member's answers: the pre-survey's SCI, then the IOS and a debriefing whose free text names the seat. */
function answersOf(sci: readonly [number, number]) {
  return (phase: 'pre' | 'post', i: number): PhaseAnswers =>
    phase === 'pre'
      ? { closeness_sci: { sci_relative_own: sci[i] ?? 4, sci_relative_others: 4 } }
      : {
          ios: { ios: 3 + i },
          debrief: { debrief_purpose: 'about phones?', debrief_noticed: 'yes', debrief_comments: `Seat ${i + 1}: call me on 0123 456` },
        };
}

/**
 * Two members through consent, the pre-survey, the console-timed conversation and the post-survey,
 * all over HTTP: the shared completedSession of @attune/api-client (e2e's completed dyad too).
 */
export async function finishedSession(
  app: TestApp,
  owner: Owner,
  study: StudyFixture,
  sci: readonly [number, number] = [5, 3],
): Promise<FinishedSession> {
  const { session, members } = await completedSession(owner.client, await baseUrlOf(app), study.id, answersOf(sci));
  return { session, phones: members.map((member) => new Phone(app.http, member.token, member.participantId)) };
}

export function withdraw(app: TestApp, code: string, ip = '203.0.113.7'): request.Test {
  return request(app.http).post('/api/withdrawals').set('X-Forwarded-For', ip).send({ code });
}

export async function rows<T>(app: TestApp, sql: string, params: unknown[]): Promise<T[]> {
  return app.db.dataSource.query(sql, params) as Promise<T[]>;
}
