import request from 'supertest';
import type { TestApp } from '../support/app';
import type { Owner } from '../support/studies';
import { allocatedSession, launchedStudy, type LabSessionFixture, type Phone, type StudyFixture } from '../sessions/factories';

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

async function submit(app: TestApp, phone: Phone, phase: 'pre' | 'post', answers: unknown): Promise<void> {
  await request(app.http)
    .post(`/api/participant/phases/${phase}/submit`)
    .set('X-Participant-Token', phone.token)
    .set('Idempotency-Key', `${phone.participantId}-${phase}`)
    .send({ answers })
    .expect(201);
}

/** Two members through consent, the pre-survey, the console-timed conversation and the post-survey, all over HTTP. */
export async function finishedSession(
  app: TestApp,
  owner: Owner,
  study: StudyFixture,
  sci: readonly [number, number] = [5, 3],
): Promise<FinishedSession> {
  const { session, phones } = await allocatedSession(app.http, owner, study.id);
  for (const phone of phones) await phone.confirm();
  for (const [i, phone] of phones.entries())
    await submit(app, phone, 'pre', { closeness_sci: { sci_relative_own: sci[i] ?? 4, sci_relative_others: 4 } });
  const sessionPath = `/api/studies/${study.id}/sessions/${session.id}`;
  await owner.call('post', `${sessionPath}/start-conversation`).expect(200);
  await owner.call('post', `${sessionPath}/end-conversation`).expect(200);
  for (const [i, phone] of phones.entries()) {
    await phone.state();
    await submit(app, phone, 'post', {
      ios: { ios: 3 + i },
      debrief: { debrief_purpose: 'about phones?', debrief_noticed: 'yes', debrief_comments: `Seat ${i + 1}: call me on 0123 456` },
    });
  }
  return { session, phones };
}

export function withdraw(app: TestApp, code: string, ip = '203.0.113.7'): request.Test {
  return request(app.http).post('/api/withdrawals').set('X-Forwarded-For', ip).send({ code });
}

export async function rows<T>(app: TestApp, sql: string, params: unknown[]): Promise<T[]> {
  return app.db.dataSource.query(sql, params) as Promise<T[]>;
}
