import type { Schemas } from '@attune/api-client';
import type { TestApp } from '../support/app';
import type { Owner } from '../support/studies';
import { allocatedSession, join, labSession, launchedStudy, type Phone, seatSecret, type StudyFixture } from '../sessions/factories';

// The flow and enrolment specs read the same bodies and seed the same study, so both take them from here.

export const COUNT_KEYS = [
  'sessions',
  'participants',
  'reachedPreSurvey',
  'reachedConversation',
  'reachedPostSurvey',
  'completed',
  'leftAfterAllocation',
  'rejoinedElsewhere',
  'failedCheck',
  'excludedWithSession',
  'excludedFailedCheck',
  'withdrew',
  'withoutPostData',
  'analysed',
] as const;
export type Counts = Record<(typeof COUNT_KEYS)[number], number>;

export type FlowBody = Schemas['FlowResponse'];
export type EnrolmentBody = Schemas['EnrolmentResponse'];

export function counts(partial: Partial<Counts>): Counts {
  return { ...(Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as Counts), ...partial };
}

/** What each session adds to its condition's counts, summed: the expected flow whatever the draw was. */
export function expectedByCondition(contributions: ReadonlyArray<readonly [string, Counts]>): Map<string, Counts> {
  const sums = new Map<string, Counts>();
  for (const [conditionId, add] of contributions) {
    const sum = sums.get(conditionId) ?? counts({});
    sums.set(conditionId, counts(Object.fromEntries(COUNT_KEYS.map((key) => [key, sum[key] + add[key]]))));
  }
  return sums;
}

/** Marks a phase submitted for these participants: a response row (with its check results) and the done submission. */
export async function submit(
  app: TestApp,
  participantIds: readonly string[],
  phase: 'pre' | 'post',
  checkResults: Record<string, boolean> | null = null,
): Promise<void> {
  await app.db.dataSource.query(
    `INSERT INTO response (study_id, session_id, participant_id, phase, instrument_id, instrument_version, protocol_version, consent_hash, answers, check_results, submitted_at)
    SELECT p.study_id, p.session_id, p.id, $2, 'i_flow', 1, 1, p.consent_hash, '{}'::jsonb, $3::jsonb, now() FROM participant p WHERE p.id = ANY($1)`,
    [participantIds, phase, checkResults && JSON.stringify(checkResults)],
  );
  await app.db.dataSource.query(
    `INSERT INTO phase_submission (participant_id, phase, idempotency_key, request_hash, state, completed_at)
    SELECT p.id, $2, gen_random_uuid()::text, 'h', 'done', now() FROM participant p WHERE p.id = ANY($1)`,
    [participantIds, phase],
  );
}

/** Drives an allocated lab session to its post-survey the way members and console would, pre-survey answers pushed by SQL. */
export async function toPostSurvey(
  app: TestApp,
  owner: Owner,
  studyId: string,
  sessionId: string,
  phones: readonly Phone[],
): Promise<void> {
  for (const phone of phones) await phone.confirm();
  await submit(
    app,
    phones.map((phone) => phone.participantId),
    'pre',
  );
  await app.db.dataSource.query(`UPDATE study_session SET status = 'conversation', conversation_seconds = 600 WHERE id = $1`, [sessionId]);
  await owner.call('post', `/api/studies/${studyId}/sessions/${sessionId}/start-conversation`).expect(200);
  await owner.call('post', `/api/studies/${studyId}/sessions/${sessionId}/end-conversation`).expect(200);
}

export async function conditionOf(app: TestApp, sessionId: string): Promise<string> {
  const [row] = await app.db.dataSource.query('SELECT condition_id FROM study_session WHERE id = $1', [sessionId]);
  return (row as { condition_id: string }).condition_id;
}

export function expectConditions(body: FlowBody, expected: Map<string, Counts>): void {
  for (const condition of body.conditions)
    expect({ [condition.conditionId]: condition.counts }).toEqual({
      [condition.conditionId]: expected.get(condition.conditionId) ?? counts({}),
    });
}

export type FlowConditions = Record<'complete' | 'dropout' | 'incomplete' | 'amended', string>;

export interface FlowStudy {
  study: StudyFixture;
  cond: FlowConditions;
  /** What each session adds to its condition's counts. */
  contributions: Array<readonly [string, Counts]>;
}

/**
 * A launched phone_seating study (target 12) with a completed dyad (one failed check), a decline, a leaver before allocation,
 * a pre-survey dropout, a post-survey leaver, and, under protocol v2, an acquainted session and one more decline.
 */
export async function seedFlowStudy(app: TestApp, owner: Owner): Promise<FlowStudy> {
  const study = await launchedStudy(owner, {
    templateId: 'phone_seating',
    edit: (design) => ({ ...design, targetSessionsPerCondition: 12 }),
  });
  const contributions: Array<readonly [string, Counts]> = [];
  const cond: FlowConditions = { complete: '', dropout: '', incomplete: '', amended: '' };
  // A completed dyad; the second member failed a manipulation check.
  const complete = await allocatedSession(app.http, owner, study.id);
  const [first, second] = complete.phones as [Phone, Phone];
  await toPostSurvey(app, owner, study.id, complete.session.id, complete.phones);
  await submit(app, [first.participantId], 'post', { check_phone: true });
  await submit(app, [second.participantId], 'post', { x: false });
  await app.db.dataSource.query(`UPDATE study_session SET status = 'complete' WHERE id = $1`, [complete.session.id]);
  cond.complete = await conditionOf(app, complete.session.id);

  // One person declines consent; another consents and leaves before the seat is allocated.
  const declined = await join(app.http, { seatSecret: seatSecret(await labSession(owner, study.id), 1) });
  await declined.call('post', 'consent').send({ consentVersion: '1', agree: false }).expect(204);
  const leaver = await join(app.http, { seatSecret: seatSecret(await labSession(owner, study.id), 1) });
  await leaver.consent();
  await leaver.leave();

  // A member leaves during the pre-survey: the session ends early.
  const dropout = await allocatedSession(app.http, owner, study.id);
  for (const phone of dropout.phones) await phone.confirm();
  await dropout.phones[1]?.leave();
  cond.dropout = await conditionOf(app, dropout.session.id);

  // A member leaves during the post-survey: the session goes on, flagged incomplete; the other submits.
  const incomplete = await allocatedSession(app.http, owner, study.id);
  await toPostSurvey(app, owner, study.id, incomplete.session.id, incomplete.phones);
  await incomplete.phones[1]?.leave();
  await submit(app, [incomplete.phones[0]?.participantId ?? ''], 'post');
  cond.incomplete = await conditionOf(app, incomplete.session.id);

  // Protocol v2: one allocated session of acquainted members (another stratum) and one more decline.
  const amendedDesign = {
    ...study.design,
    factors: study.design.factors.map((factor) => ({
      ...factor,
      levels: factor.levels.map((level) => ({ ...level, instructions: { en: 'amended wording' } })),
    })),
  };
  await owner
    .call('post', `/api/studies/${study.id}/amendments`)
    .send({ design: amendedDesign, reason: 'clearer instructions' })
    .expect(201);
  const amended = await allocatedSession(app.http, owner, study.id, { acquainted: 'acquainted' });
  cond.amended = await conditionOf(app, amended.session.id);
  const declinedLater = await join(app.http, { studyCode: study.joinCode });
  await declinedLater.call('post', 'consent').send({ consentVersion: '1', agree: false }).expect(204);

  contributions.push(
    [
      cond.complete,
      counts({
        sessions: 1,
        participants: 2,
        reachedPreSurvey: 2,
        reachedConversation: 2,
        reachedPostSurvey: 2,
        completed: 2,
        failedCheck: 1,
        analysed: 2,
      }),
    ],
    [cond.dropout, counts({ sessions: 1, participants: 2, reachedPreSurvey: 2, leftAfterAllocation: 1, withoutPostData: 2 })],
    [
      cond.incomplete,
      counts({
        sessions: 1,
        participants: 2,
        reachedPreSurvey: 2,
        reachedConversation: 2,
        reachedPostSurvey: 2,
        completed: 1,
        leftAfterAllocation: 1,
        withoutPostData: 1,
        analysed: 1,
      }),
    ],
    [cond.amended, counts({ sessions: 1, participants: 2, withoutPostData: 2 })],
  );
  return { study, cond, contributions };
}
