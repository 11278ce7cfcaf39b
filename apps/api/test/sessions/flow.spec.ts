import type { Schemas } from '@attune/api-client';
import { SessionFlow } from '../../src/sessions/session-flow';
import { Participant } from '../../src/sessions/participant.entity';
import { startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { allocatedSession, count, launchedStudy, type Phone, type StudyFixture } from './factories';

async function markSubmitted(app: TestApp, participantId: string, phase: 'pre' | 'post'): Promise<void> {
  await app.db.dataSource.query(
    `INSERT INTO phase_submission (participant_id, phase, idempotency_key, request_hash, state, completed_at) VALUES ($1, $2, $3, 'hash', 'done', now())`,
    [participantId, phase, `key-${participantId}-${phase}`],
  );
}

/** What the responses feature does in its submit transaction: store the submission, then tell the session. */
async function submitPhase(app: TestApp, phone: Phone, phase: 'pre' | 'post'): Promise<void> {
  await markSubmitted(app, phone.participantId, phase);
  const flow = app.app.get(SessionFlow);
  await app.db.dataSource.transaction(async (manager) => {
    const participant = await manager.findOneByOrFail(Participant, { id: phone.participantId });
    await flow.onPhaseSubmitted(manager, participant, phase);
  });
}

async function statusOf(app: TestApp, sessionId: string): Promise<string> {
  const [row] = await app.db.dataSource.query('SELECT status FROM study_session WHERE id = $1', [sessionId]);
  return (row as { status: string }).status;
}

describe('session flow: phases, the server-timed conversation, completion', () => {
  let app: TestApp;
  let owner: Owner;
  let withPre: StudyFixture;
  let withoutPre: StudyFixture;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    withPre = await launchedStudy(owner, { templateId: 'phone_topic' });
    withoutPre = await launchedStudy(owner, {
      templateId: 'phone_only',
      edit: (design) => ({ ...design, instruments: { ...design.instruments, pre: [] } }),
    });
  });
  afterAll(() => app.close());

  it('moves pre → conversation only after every seat submitted, post → complete likewise, and shows completion then', async () => {
    const { session, phones } = await allocatedSession(app.http, owner, withPre.id);
    const [a, b] = phones as [Phone, Phone];
    await a.confirm();
    await b.confirm();
    expect(await statusOf(app, session.id)).toBe('pre_survey');

    await submitPhase(app, a, 'pre');
    expect(await statusOf(app, session.id)).toBe('pre_survey');
    await submitPhase(app, b, 'pre');
    // A lab conversation waits for the research assistant, and the phones (put away) get no timer.
    const waiting = await a.state();
    expect(waiting.session).toMatchObject({ status: 'conversation', timedBy: 'console', conversation: null });
    const sessionPath = `/api/studies/${withPre.id}/sessions/${session.id}`;
    expect((await owner.call('get', sessionPath).expect(200)).body.conversation).toBeNull();
    const started = (await owner.call('post', `${sessionPath}/start-conversation`).expect(200)).body as Schemas['SessionDetailResponse'];
    const clock = started.conversation as Schemas['ConversationClockResponse'];
    expect(clock.durationSeconds).toBe(600);
    expect(Date.parse(clock.endsAt) - Date.parse(clock.startedAt)).toBe(600_000);
    expect(Math.abs(Date.parse(clock.serverNow) - Date.now())).toBeLessThan(5_000);
    expect((await b.state()).session).toMatchObject({ status: 'conversation', conversation: null });
    expect((await owner.call('post', `${sessionPath}/start-conversation`).expect(409)).body.code).toBe('ILLEGAL_TRANSITION');

    await owner.call('post', `/api/studies/${withPre.id}/sessions/${session.id}/end-conversation`).expect(200);
    const post = await b.state();
    expect(post.session).toMatchObject({
      status: 'post_survey',
      phase: 'post',
      instruments: withPre.design.instruments.post,
      conversation: null,
    });
    await submitPhase(app, a, 'post');
    expect(await statusOf(app, session.id)).toBe('post_survey');
    expect((await a.state()).completion).toBeNull();
    await submitPhase(app, b, 'post');
    expect(await statusOf(app, session.id)).toBe('complete');
    expect((await a.state()).completion).toEqual({ kind: 'code', code: 'ATTUNE-PT' });
  });

  it('a repeated onPhaseSubmitted is harmless and a phase of the wrong status changes nothing', async () => {
    const { session, phones } = await allocatedSession(app.http, owner, withPre.id);
    const [a, b] = phones as [Phone, Phone];
    await submitPhase(app, a, 'post');
    expect(await statusOf(app, session.id)).toBe('allocated');
    await a.confirm();
    await b.confirm();
    await submitPhase(app, a, 'pre');
    await app.db.dataSource.transaction(async (manager) =>
      app.app.get(SessionFlow).onPhaseSubmitted(manager, await manager.findOneByOrFail(Participant, { id: a.participantId }), 'pre'),
    );
    expect(await statusOf(app, session.id)).toBe('pre_survey');
  });

  it('without a pre-survey, confirming the instructions starts the conversation; time up moves it on at the next read, once', async () => {
    const { session, phones } = await allocatedSession(app.http, owner, withoutPre.id);
    const [a, b] = phones as [Phone, Phone];
    await a.confirm();
    await b.confirm();
    expect((await a.state()).session?.status).toBe('conversation');
    await owner.call('post', `/api/studies/${withoutPre.id}/sessions/${session.id}/start-conversation`).expect(200);
    await app.db.dataSource.query(`UPDATE study_session SET conversation_started_at = now() - interval '601 seconds' WHERE id = $1`, [
      session.id,
    ]);
    const [first, second] = await Promise.all([a.state(), b.state()]);
    expect(first.session).toMatchObject({ status: 'post_survey', phase: 'post', conversation: null });
    expect(second.session?.status).toBe('post_survey');
    expect(
      await count(
        app,
        `SELECT count(*)::int AS n FROM audit_event WHERE subject_id = $1 AND action = 'session.status_changed' AND data->>'to' = 'post_survey'`,
        [session.id],
      ),
    ).toBe(1);
    const [row] = await app.db.dataSource.query(
      'SELECT conversation_ended_at - conversation_started_at AS took FROM study_session WHERE id = $1',
      [session.id],
    );
    expect((row as { took: { seconds?: number; minutes?: number } }).took).toMatchObject({ minutes: 10 });
    expect(await app.app.get(SessionFlow).refresh(session.id)).toBe('post_survey');
  });

  it('a conversation with time left stays; SessionFlow.refresh applies the time-up transition for other features', async () => {
    const { session, phones } = await allocatedSession(app.http, owner, withoutPre.id);
    for (const phone of phones) await phone.confirm();
    expect(await app.app.get(SessionFlow).refresh(session.id)).toBe('conversation');
    // Not started by the research assistant yet: no time runs, however long it waits.
    await app.db.dataSource.query(`UPDATE study_session SET updated_at = now() - interval '1 day' WHERE id = $1`, [session.id]);
    expect(await app.app.get(SessionFlow).refresh(session.id)).toBe('conversation');
    await owner.call('post', `/api/studies/${withoutPre.id}/sessions/${session.id}/start-conversation`).expect(200);
    expect(await app.app.get(SessionFlow).refresh(session.id)).toBe('conversation');
    await app.db.dataSource.query(`UPDATE study_session SET conversation_started_at = now() - interval '700 seconds' WHERE id = $1`, [
      session.id,
    ]);
    expect(await app.app.get(SessionFlow).refresh(session.id)).toBe('post_survey');
  });

  it('refuses illegal transitions with 409 ILLEGAL_TRANSITION and a code', async () => {
    const { session } = await allocatedSession(app.http, owner, withPre.id);
    const early = await owner.call('post', `/api/studies/${withPre.id}/sessions/${session.id}/end-conversation`).expect(409);
    expect(early.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', status: 409 });
    expect(early.body.detail).toContain('allocated');
    const forming = (await owner.call('post', `/api/studies/${withPre.id}/sessions`).expect(201)).body as Schemas['CreatedSessionResponse'];
    expect((await owner.call('post', `/api/studies/${withPre.id}/sessions/${forming.id}/end-conversation`).expect(409)).body.code).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(await statusOf(app, forming.id)).toBe('forming');
  });
});
