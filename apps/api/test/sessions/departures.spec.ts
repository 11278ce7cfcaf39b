import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { allocatedSession, count, launchedStudy, type Phone, type StudyFixture } from './factories';

type Step = 'allocated' | 'pre_survey' | 'conversation' | 'post_survey';

async function statusOf(
  app: TestApp,
  sessionId: string,
): Promise<{ status: string; incomplete: boolean; dropout_reason: string | null; conversation_ended_at: Date | null }> {
  const [row] = await app.db.dataSource.query(
    'SELECT status, incomplete, dropout_reason, conversation_ended_at FROM study_session WHERE id = $1',
    [sessionId],
  );
  return row as { status: string; incomplete: boolean; dropout_reason: string | null; conversation_ended_at: Date | null };
}

/** Moves an allocated lab session to `step` the way its members and the console would, minus the answers. */
async function reach(app: TestApp, owner: Owner, study: StudyFixture, sessionId: string, phones: Phone[], step: Step): Promise<void> {
  if (step === 'allocated') return;
  for (const phone of phones) await phone.confirm();
  if (step === 'pre_survey') return;
  await app.db.dataSource.query(
    `INSERT INTO response (study_id, session_id, participant_id, phase, instrument_id, instrument_version, protocol_version, consent_hash, answers, submitted_at)
    SELECT p.study_id, p.session_id, p.id, 'pre', 'i_panas_sf', 1, 1, p.consent_hash, '{}'::jsonb, now() FROM participant p WHERE p.session_id = $1`,
    [sessionId],
  );
  await app.db.dataSource.query(`UPDATE study_session SET status = 'conversation', conversation_seconds = 600 WHERE id = $1`, [sessionId]);
  await owner.call('post', `/api/studies/${study.id}/sessions/${sessionId}/start-conversation`).expect(200);
  if (step === 'conversation') return;
  await owner.call('post', `/api/studies/${study.id}/sessions/${sessionId}/end-conversation`).expect(200);
}

describe('a member left alone never rates a partner they did not talk with', () => {
  let app: TestApp;
  let owner: Owner;
  let study: StudyFixture;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    study = await launchedStudy(owner, { templateId: 'phone_topic' });
  });
  afterAll(() => app.close());

  for (const step of ['allocated', 'pre_survey', 'conversation'] as const) {
    it(`a partner leaving in ${step} ends the session early: debrief and completion code, no post-survey, pre-survey data kept`, async () => {
      const { session, phones } = await allocatedSession(app.http, owner, study.id);
      const [stays, leaves] = phones as [Phone, Phone];
      await reach(app, owner, study, session.id, phones, step);
      const preRows = await count(app, `SELECT count(*)::int AS n FROM response WHERE session_id = $1 AND phase = 'pre'`, [session.id]);
      await leaves.leave();

      const row = await statusOf(app, session.id);
      expect(row).toMatchObject({ status: 'ended_early', incomplete: true, dropout_reason: `member_left:${step}` });
      // A conversation cut short records when it ended, so its actual length is known.
      if (step === 'conversation') expect(row.conversation_ended_at).not.toBeNull();
      const state = await stays.state();
      expect(state.session).toMatchObject({ status: 'ended_early', phase: null, instruments: [] });
      expect(state.completion).toEqual({ kind: 'code', code: 'ATTUNE-PT' });
      const refused = await request(app.http)
        .put('/api/participant/answers/post/ios/ios')
        .set('X-Participant-Token', stays.token)
        .send({ value: 4 })
        .expect(409);
      expect(refused.body.code).toBe('PHASE_NOT_OPEN');
      expect(await count(app, `SELECT count(*)::int AS n FROM response WHERE session_id = $1 AND phase = 'pre'`, [session.id])).toBe(
        preRows,
      );
      // The leaver gets no completion code: they did not finish.
      expect((await leaves.state()).completion).toBeNull();
    });
  }

  it('a partner leaving in the post-survey leaves the remaining member their post-survey: they did talk', async () => {
    const { session, phones } = await allocatedSession(app.http, owner, study.id);
    const [stays, leaves] = phones as [Phone, Phone];
    await reach(app, owner, study, session.id, phones, 'post_survey');
    await leaves.leave();
    expect(await statusOf(app, session.id)).toMatchObject({ status: 'post_survey', incomplete: true });
    expect((await stays.state()).session).toMatchObject({ status: 'post_survey', phase: 'post' });
  });

  it('in a triad one departure leaves two members who go on; a second one ends the session early', async () => {
    const triads = await launchedStudy(owner, { templateId: 'phone_topic', edit: (design) => ({ ...design, sessionSize: 3 }) });
    const { session, phones } = await allocatedSession(app.http, owner, triads.id);
    const [a, b, c] = phones as [Phone, Phone, Phone];
    await a.leave();
    expect(await statusOf(app, session.id)).toMatchObject({ status: 'allocated', incomplete: true });
    await b.confirm();
    await c.confirm();
    expect((await b.state()).session?.status).toBe('pre_survey');
    await c.leave();
    expect(await statusOf(app, session.id)).toMatchObject({ status: 'ended_early', dropout_reason: 'member_left:pre_survey' });
    expect((await b.state()).completion).not.toBeNull();
  });
});

describe('rejoining (reform_remaining) is allowed only before exposure to the condition', () => {
  let app: TestApp;
  let owner: Owner;
  let study: StudyFixture;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    study = await launchedStudy(owner, { templateId: 'phone_topic', edit: (design) => ({ ...design, dropoutPolicy: 'reform_remaining' }) });
  });
  afterAll(() => app.close());

  for (const step of ['allocated', 'pre_survey', 'conversation', 'post_survey'] as const) {
    it(`partner leaves in ${step}: rejoin ${step === 'allocated' ? 'allowed once' : 'refused'}`, async () => {
      const { session, phones } = await allocatedSession(app.http, owner, study.id);
      const [stays, leaves] = phones as [Phone, Phone];
      await reach(app, owner, study, session.id, phones, step);
      await leaves.leave();
      const allowed = step === 'allocated';
      expect((await stays.state()).participant.canRejoin).toBe(allowed);
      if (!allowed) {
        expect((await stays.call('post', 'rejoin').expect(409)).body.code).toBe('REJOIN_NOT_ALLOWED');
        return;
      }
      const [first, second] = await Promise.all([stays.call('post', 'rejoin'), stays.call('post', 'rejoin')]);
      expect([first.status, second.status].sort()).toEqual([201, 409]);
      expect(await count(app, 'SELECT count(*)::int AS n FROM participant WHERE rejoined_from = $1', [stays.participantId])).toBe(1);
    });
  }

  it('refuses a rejoin once the member confirmed the instructions, even while the session is still allocated', async () => {
    const { session, phones } = await allocatedSession(app.http, owner, study.id);
    const [stays, leaves] = phones as [Phone, Phone];
    await stays.confirm();
    await leaves.leave();
    expect(await statusOf(app, session.id)).toMatchObject({ status: 'ended_early' });
    expect((await stays.state()).participant.canRejoin).toBe(false);
    expect((await stays.call('post', 'rejoin').expect(409)).body.code).toBe('REJOIN_NOT_ALLOWED');
  });

  it('refuses a rejoin from a complete session and from a session that still has a partner', async () => {
    const { phones } = await allocatedSession(app.http, owner, study.id);
    expect((await phones[0]?.call('post', 'rejoin').expect(409))?.body.code).toBe('REJOIN_NOT_ALLOWED');
  });
});
