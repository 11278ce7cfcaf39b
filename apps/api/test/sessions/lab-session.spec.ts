import type { Schemas } from '@attune/api-client';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { auditActions, count, join, labSession, launchedStudy, readyAtSeat, seatSecret, type StudyFixture } from './factories';

describe('lab sessions: create, join, consent, allocate, the ready gate', () => {
  let app: TestApp;
  let owner: Owner;
  let study: StudyFixture;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    study = await launchedStudy(owner, { templateId: 'phone_topic' });
  });
  afterAll(() => app.close());

  it('runs a dyad from two seat links to the pre-survey, both members under one condition', async () => {
    const session = await labSession(owner, study.id);
    expect(session).toMatchObject({ status: 'forming', size: 2, mode: 'lab' });
    expect(session.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(session.seats.map((seat) => seat.seatNumber)).toEqual([1, 2]);
    for (const seat of session.seats) expect(seat.joinPath).toMatch(/^\/join\/seat\/aseat_[A-Za-z0-9_-]{43}$/);
    const stored: Array<{ secret_hash: string }> = await app.db.dataSource.query(
      'SELECT secret_hash FROM seat_link WHERE session_id = $1',
      [session.id],
    );
    expect(stored.map((row) => row.secret_hash)).not.toContain(seatSecret(session, 1));

    const first = await readyAtSeat(app.http, session, 1);
    const waiting = await first.state();
    expect(waiting.session).toMatchObject({
      status: 'forming',
      seatsTaken: 1,
      seatsConsented: 1,
      seatsReady: 1,
      instructions: null,
      phase: null,
    });
    const listedBefore = (await owner.call('get', `/api/studies/${study.id}/sessions`).expect(200))
      .body as Schemas['SessionSummaryResponse'][];
    expect(listedBefore.find((row) => row.id === session.id)?.conditionId).toBeNull();
    expect(await count(app, 'SELECT count(*)::int AS n FROM allocation WHERE session_id = $1', [session.id])).toBe(0);

    const second = await readyAtSeat(app.http, session, 2);
    const [a, b] = [await first.state(), await second.state()];
    expect(a.session?.status).toBe('allocated');
    expect(a.session?.instructions).not.toBeNull();
    expect(b.session?.instructions).toEqual(a.session?.instructions);
    // Texts only: the phones never learn the condition's factor or level ids, nor the experimenter's set-up.
    expect(Object.keys(a.session?.instructions ?? {}).sort()).toEqual(['conversation', 'steps', 'topics']);
    expect(a.session?.instructions?.topics).toHaveLength(1);
    const served = JSON.stringify(a);
    for (const word of ['present', 'notebook', 'factorId', 'levelId', 'phone=', 'topic=', 'study phone', 'desk to the side'])
      expect(served).not.toContain(word);
    const detail = (await owner.call('get', `/api/studies/${study.id}/sessions/${session.id}`).expect(200)).body;
    const allocation: Array<{ condition_id: string; sequence_index: number; stratum: string }> = await app.db.dataSource.query(
      'SELECT condition_id, sequence_index, stratum FROM allocation WHERE session_id = $1',
      [session.id],
    );
    expect(allocation).toHaveLength(1);
    expect(detail).toMatchObject({ status: 'allocated', conditionId: allocation[0]?.condition_id, stratum: '', seatsTaken: 2 });
    expect(detail.room.levels.map((level: { factorId: string; levelId: string }) => `${level.factorId}=${level.levelId}`).join('|')).toBe(
      allocation[0]?.condition_id,
    );

    await first.confirm();
    expect((await second.state()).session?.status).toBe('allocated');
    await first.confirm();
    await second.confirm();
    const pre = await second.state();
    expect(pre.session).toMatchObject({ status: 'pre_survey', phase: 'pre', instruments: study.design.instruments.pre });
    expect(pre.participant).toMatchObject({ consentGiven: true, covariatesAnswered: true, instructionsConfirmed: true, seatNumber: 2 });
    expect(await auditActions(app, session.id)).toEqual([
      'session.created',
      'session.status_changed',
      'session.allocated',
      'session.status_changed',
    ]);
  });

  it('stores the consent version and the SHA-256 of the exact text shown; refuses an outdated version', async () => {
    const session = await labSession(owner, study.id);
    const phone = await join(app.http, { seatSecret: seatSecret(session, 1), externalIds: { PROLIFIC_PID: 'abc123', STUDY_ID: 's-1' } });
    const shown = (await phone.state()).study.consent;
    const outdated = await phone.call('post', 'consent').send({ consentVersion: '0', agree: true }).expect(409);
    expect(outdated.body.code).toBe('CONSENT_OUTDATED');
    await phone.consent(shown.version);
    const [row] = await app.db.dataSource.query(
      'SELECT status, consent_version, consent_hash, consented_at, external_ids FROM participant WHERE id = $1',
      [phone.participantId],
    );
    expect(row).toMatchObject({
      status: 'consented',
      consent_version: shown.version,
      consent_hash: createHash('sha256').update(shown.text, 'utf8').digest('hex'),
      external_ids: { PROLIFIC_PID: 'abc123', STUDY_ID: 's-1' },
    });
    expect((await phone.call('post', 'consent').send({ consentVersion: '1', agree: true }).expect(409)).body.code).toBe(
      'CONSENT_ALREADY_ANSWERED',
    );
    expect(await auditActions(app, phone.participantId)).toEqual(['participant.joined', 'participant.consented']);
  });

  it('a typed session code takes the lowest free seat; a third person gets SESSION_FULL; a used seat link SEAT_TAKEN', async () => {
    const session = await labSession(owner, study.id);
    const viaLink = await join(app.http, { seatSecret: seatSecret(session, 2) });
    const typed = await join(app.http, { sessionCode: session.code.toLowerCase() });
    expect((await viaLink.state()).participant.seatNumber).toBe(2);
    expect((await typed.state()).participant.seatNumber).toBe(1);
    const third = await request(app.http).post('/api/participant/join').send({ sessionCode: session.code }).expect(409);
    expect(third.body).toMatchObject({ code: 'SESSION_FULL', status: 409 });
    expect(third.headers['content-type']).toMatch(/^application\/problem\+json/);
    const reused = await request(app.http)
      .post('/api/participant/join')
      .send({ seatSecret: seatSecret(session, 2) })
      .expect(409);
    expect(reused.body.code).toBe('SEAT_TAKEN');
    expect(await count(app, 'SELECT count(*)::int AS n FROM participant WHERE session_id = $1', [session.id])).toBe(2);
  });

  it('answers covariates with per-field codes, and refuses malformed joins', async () => {
    const session = await labSession(owner, study.id);
    const phone = await join(app.http, { seatSecret: seatSecret(session, 1) });
    expect(
      (
        await phone
          .call('post', 'covariates')
          .send({ values: { acquainted: 'strangers' } })
          .expect(409)
      ).body.code,
    ).toBe('CONSENT_REQUIRED');
    await phone.consent();
    const bad = await phone
      .call('post', 'covariates')
      .send({ values: { bogus: 'x' } })
      .expect(400);
    expect(bad.body.code).toBe('INVALID_COVARIATES');
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'values.bogus', code: 'UNKNOWN_COVARIATE' }),
        expect.objectContaining({ path: 'values.acquainted', code: 'REQUIRED' }),
      ]),
    );
    const level = await phone
      .call('post', 'covariates')
      .send({ values: { acquainted: 'cousins' } })
      .expect(400);
    expect(level.body.errors).toEqual([expect.objectContaining({ path: 'values.acquainted', code: 'UNKNOWN_LEVEL' })]);
    // The observed covariate is the research assistant's, not the participant's.
    const observed = await phone
      .call('post', 'covariates')
      .send({ values: { acquainted: 'strangers', phone_seen: 'yes' } })
      .expect(400);
    expect(observed.body.errors).toEqual([expect.objectContaining({ path: 'values.phone_seen', code: 'UNKNOWN_COVARIATE' })]);

    const two = await request(app.http)
      .post('/api/participant/join')
      .send({ sessionCode: session.code, studyCode: study.joinCode })
      .expect(400);
    expect(two.body.code).toBe('INVALID_JOIN');
    expect((await request(app.http).post('/api/participant/join').send({}).expect(400)).body.code).toBe('INVALID_JOIN');
    expect((await request(app.http).post('/api/participant/join').send({ sessionCode: 'ZZZZZZ' }).expect(404)).body.code).toBe(
      'JOIN_LINK_NOT_FOUND',
    );
    expect((await request(app.http).post('/api/participant/join').send({ seatSecret: 'aseat_nope' }).expect(404)).body.code).toBe(
      'JOIN_LINK_NOT_FOUND',
    );
    const language = await request(app.http).post('/api/participant/join').send({ studyCode: study.joinCode, language: 'de' }).expect(400);
    expect(language.body.errors).toEqual([expect.objectContaining({ path: 'language', code: 'UNKNOWN_LANGUAGE' })]);
    const external = await request(app.http)
      .post('/api/participant/join')
      .send({ studyCode: study.joinCode, externalIds: { PROLIFIC_PID: '<script>' } })
      .expect(400);
    expect(external.body.errors).toEqual([expect.objectContaining({ path: 'externalIds.PROLIFIC_PID' })]);
    const unknownId = await request(app.http)
      .post('/api/participant/join')
      .send({ studyCode: study.joinCode, externalIds: { EMAIL: 'x' } })
      .expect(400);
    expect(unknownId.body.errors).toEqual([expect.objectContaining({ path: 'externalIds.EMAIL', code: 'UNKNOWN_FIELD' })]);
  });

  it('refuses joining a draft, paused or closed study with 409, writing nothing', async () => {
    const draft = await launchedStudy(owner, { launch: false });
    expect((await request(app.http).post('/api/participant/join').send({ studyCode: draft.joinCode }).expect(409)).body.code).toBe(
      'STUDY_NOT_RUNNING',
    );
    expect((await owner.call('post', `/api/studies/${draft.id}/sessions`).expect(409)).body.code).toBe('STUDY_NOT_RUNNING');

    const running = await launchedStudy(owner);
    const session = await labSession(owner, running.id);
    await owner.call('post', `/api/studies/${running.id}/pause`).expect(200);
    expect(
      (
        await request(app.http)
          .post('/api/participant/join')
          .send({ seatSecret: seatSecret(session, 1) })
          .expect(409)
      ).body.code,
    ).toBe('STUDY_NOT_RUNNING');
    expect((await request(app.http).post('/api/participant/join').send({ studyCode: running.joinCode }).expect(409)).body.code).toBe(
      'STUDY_NOT_RUNNING',
    );
    await owner.call('post', `/api/studies/${running.id}/resume`).expect(200);
    await owner.call('post', `/api/studies/${running.id}/close`).expect(200);
    expect((await request(app.http).post('/api/participant/join').send({ sessionCode: session.code }).expect(409)).body.code).toBe(
      'STUDY_NOT_RUNNING',
    );
    expect(await count(app, 'SELECT count(*)::int AS n FROM participant WHERE study_id = ANY($1)', [[draft.id, running.id]])).toBe(0);
  });

  it('refuses joining a session that has moved on (SESSION_FULL) or was abandoned (SESSION_CLOSED)', async () => {
    const allocated = await labSession(owner, study.id);
    await readyAtSeat(app.http, allocated, 1);
    const leaver = await readyAtSeat(app.http, allocated, 2);
    await leaver.leave();
    // Seat 2 is still held by the member who left after allocation, and the member left alone was
    // sent to the debrief: the session ended early and takes nobody.
    expect((await request(app.http).post('/api/participant/join').send({ sessionCode: allocated.code }).expect(409)).body.code).toBe(
      'SESSION_CLOSED',
    );
    const session = await labSession(owner, study.id);
    await owner.call('post', `/api/studies/${study.id}/sessions/${session.id}/abandon`).send({ reason: 'fire alarm' }).expect(200);
    expect(
      (
        await request(app.http)
          .post('/api/participant/join')
          .send({ seatSecret: seatSecret(session, 1) })
          .expect(409)
      ).body.code,
    ).toBe('SESSION_CLOSED');
  });
});
