import type { Schemas } from '@attune/api-client';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import {
  allocatedSession,
  auditActions,
  count,
  join,
  labSession,
  launchedStudy,
  Phone,
  readyAtSeat,
  seatSecret,
  type StudyFixture,
} from './factories';

const allocationsOf = (app: TestApp, studyId: string) =>
  count(app, 'SELECT count(*)::int AS n FROM allocation WHERE study_id = $1', [studyId]);

describe('dropout: declining, leaving, abandoning, re-forming', () => {
  let app: TestApp;
  let owner: Owner;
  let study: StudyFixture;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    study = await launchedStudy(owner, { templateId: 'phone_topic' });
  });
  afterAll(() => app.close());

  it('declining consent frees the seat, stores no consent, and consumes no allocation', async () => {
    const before = await allocationsOf(app, study.id);
    const session = await labSession(owner, study.id);
    const decliner = await join(app.http, { seatSecret: seatSecret(session, 1) });
    await decliner.call('post', 'consent').send({ consentVersion: '1', agree: false }).expect(204);
    const [row] = await app.db.dataSource.query(
      'SELECT status, session_id, seat_number, consent_hash, consented_at FROM participant WHERE id = $1',
      [decliner.participantId],
    );
    expect(row).toEqual({ status: 'declined', session_id: null, seat_number: null, consent_hash: null, consented_at: null });
    expect(await auditActions(app, decliner.participantId)).toEqual(['participant.joined', 'participant.declined']);
    expect(
      (
        await decliner
          .call('post', 'covariates')
          .send({ values: { acquainted: 'strangers' } })
          .expect(409)
      ).body.code,
    ).toBe('PARTICIPANT_LEFT');

    await readyAtSeat(app.http, session, 2);
    expect(await allocationsOf(app, study.id)).toBe(before);
    // The used link stays used (single-use); the freed seat is taken with a reissued link, and the session then allocates once.
    await request(app.http)
      .post('/api/participant/join')
      .send({ seatSecret: seatSecret(session, 1) })
      .expect(409);
    const reissued = (await owner.call('post', `/api/studies/${study.id}/sessions/${session.id}/seats/1/link`).expect(201))
      .body as Schemas['SeatLinkResponse'];
    const replacement = await readyAtSeat(app.http, { ...session, seats: [reissued] }, 1);
    expect((await replacement.state()).session?.status).toBe('allocated');
    expect(await allocationsOf(app, study.id)).toBe(before + 1);
  });

  it('leaving before allocation frees the seat and consumes no allocation', async () => {
    const before = await allocationsOf(app, study.id);
    const session = await labSession(owner, study.id);
    const leaver = await readyAtSeat(app.http, session, 1);
    await leaver.leave();
    await leaver.leave();
    const state = await leaver.state();
    expect(state.participant).toMatchObject({ status: 'left', seatNumber: null });
    expect(state.session).toBeNull();
    await readyAtSeat(app.http, session, 2);
    expect(await allocationsOf(app, study.id)).toBe(before);
    const typed = await join(app.http, { sessionCode: session.code });
    expect((await typed.state()).participant.seatNumber).toBe(1);
  });

  it('leaving after allocation keeps the condition, flags the session incomplete, and ends it early for the member left alone', async () => {
    const { session, phones } = await allocatedSession(app.http, owner, study.id);
    const [stays, leaves] = phones as [(typeof phones)[0], (typeof phones)[0]];
    const allocated = (await owner.call('get', `/api/studies/${study.id}/sessions/${session.id}`).expect(200)).body;
    await stays.confirm();
    await leaves.leave();
    const after = (await owner.call('get', `/api/studies/${study.id}/sessions/${session.id}`).expect(200)).body;
    expect(after).toMatchObject({
      conditionId: allocated.conditionId,
      incomplete: true,
      status: 'ended_early',
      dropoutReason: 'member_left:allocated',
    });
    expect(after.seats).toEqual(
      expect.arrayContaining([expect.objectContaining({ participantId: leaves.participantId, status: 'left', seatNumber: 2 })]),
    );
    expect(await count(app, 'SELECT count(*)::int AS n FROM allocation WHERE session_id = $1', [session.id])).toBe(1);
    const remaining = await stays.state();
    expect(remaining.session).toMatchObject({ incomplete: true, status: 'ended_early', phase: null, instruments: [] });
    expect(remaining.completion).toEqual({ kind: 'code', code: 'ATTUNE-PT' });
    expect(remaining.participant.canRejoin).toBe(false);
    expect((await stays.call('post', 'rejoin').expect(409)).body.code).toBe('REJOIN_NOT_ALLOWED');

    const recorded = (
      await owner.call('post', `/api/studies/${study.id}/sessions/${session.id}/dropout`).send({ reason: 'felt unwell' }).expect(200)
    ).body;
    expect(recorded).toMatchObject({ dropoutReason: 'felt unwell', incomplete: true, conditionId: allocated.conditionId });
    expect((await stays.call('post', 'instructions/confirm').expect(409)).body.code).toBe('SESSION_CLOSED');
    const again = await owner.call('post', `/api/studies/${study.id}/sessions/${session.id}/abandon`).send({ reason: 'ended' }).expect(409);
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');
    expect(await auditActions(app, leaves.participantId)).toContain('participant.left');
    expect(await auditActions(app, session.id)).toEqual(expect.arrayContaining(['session.status_changed', 'session.dropout_recorded']));
  });

  it('abandoning an allocated session keeps its condition and flags it incomplete', async () => {
    const { session, phones } = await allocatedSession(app.http, owner, study.id);
    const allocated = (await owner.call('get', `/api/studies/${study.id}/sessions/${session.id}`).expect(200)).body;
    const abandoned = (
      await owner.call('post', `/api/studies/${study.id}/sessions/${session.id}/abandon`).send({ reason: 'fire alarm' }).expect(200)
    ).body;
    expect(abandoned).toMatchObject({ status: 'abandoned', conditionId: allocated.conditionId, incomplete: true });
    expect((await phones[0]?.call('post', 'instructions/confirm').expect(409))?.body.code).toBe('SESSION_CLOSED');
    expect(await auditActions(app, session.id)).toContain('session.abandoned');
  });

  it('refuses a dropout reason before allocation and abandons a forming session without a condition', async () => {
    const session = await labSession(owner, study.id);
    expect(
      (await owner.call('post', `/api/studies/${study.id}/sessions/${session.id}/dropout`).send({ reason: 'x' }).expect(409)).body.code,
    ).toBe('NOT_ALLOCATED');
    const abandoned = (
      await owner.call('post', `/api/studies/${study.id}/sessions/${session.id}/abandon`).send({ reason: 'no-show' }).expect(200)
    ).body;
    expect(abandoned).toMatchObject({ status: 'abandoned', conditionId: null, incomplete: false, dropoutReason: 'no-show' });
  });

  it("with 'reform_remaining' a member left alone before acting on the instructions rejoins the waiting room once, as a new participant with the same consent", async () => {
    const reform = await launchedStudy(owner, {
      templateId: 'phone_topic',
      edit: (design) => ({ ...design, dropoutPolicy: 'reform_remaining' }),
    });
    const { session, phones } = await allocatedSession(app.http, owner, reform.id);
    const [stays, leaves] = phones as [(typeof phones)[0], (typeof phones)[0]];
    expect((await stays.state()).participant.canRejoin).toBe(false);
    await leaves.leave();
    expect((await stays.state()).participant.canRejoin).toBe(true);
    const res = await stays.call('post', 'rejoin').expect(201);
    const { token, participantId } = res.body as Schemas['JoinResponse'];
    expect(token).toMatch(/^atp_/);
    const fresh = (await request(app.http).get('/api/participant/state').set('X-Participant-Token', token).expect(200)).body;
    // The partner question is asked again once a new partner is seated; the rest carries over.
    expect(fresh.participant).toMatchObject({
      id: participantId,
      status: 'consented',
      consentGiven: true,
      covariatesAnswered: true,
      seatNumber: null,
    });
    expect(fresh.session).toBeNull();
    const rows: Array<{
      id: string;
      status: string;
      session_id: string | null;
      consent_hash: string;
      consented_at: Date;
      covariates_at: Date;
      rejoined_from: string | null;
      covariates: Record<string, string>;
    }> = await app.db.dataSource.query(
      'SELECT id, status, session_id, consent_hash, consented_at, covariates_at, rejoined_from, covariates FROM participant WHERE id = ANY($1)',
      [[stays.participantId, participantId]],
    );
    const old = rows.find((row) => row.id === stays.participantId);
    const copy = rows.find((row) => row.id === participantId);
    expect(old).toMatchObject({ status: 'left', session_id: session.id, rejoined_from: null });
    expect(copy).toMatchObject({
      status: 'consented',
      session_id: null,
      consent_hash: old?.consent_hash,
      rejoined_from: stays.participantId,
      covariates: {},
    });
    // Queued from the rejoin, not from the consent it carries over.
    expect(copy?.covariates_at.getTime()).toBeGreaterThan(old?.consented_at.getTime() ?? Infinity);
    expect(await auditActions(app, participantId)).toEqual(['participant.rejoined']);
    expect((await stays.call('post', 'rejoin').expect(409)).body.code).toBe('REJOIN_NOT_ALLOWED');
    const freshPhone = new Phone(app.http, token, participantId);
    expect((await freshPhone.call('post', 'rejoin').expect(409)).body.code).toBe('REJOIN_NOT_ALLOWED');
  });
});
