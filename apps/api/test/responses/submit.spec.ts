import request from 'supertest';
import { requestHash } from '../../src/responses/idempotency';
import { startTestApp, type TestApp } from '../support/app';
import {
  createSession,
  getAnswers,
  newKey,
  putAnswer,
  responseRows,
  type SeatFixture,
  sessionStatus,
  submissionRows,
  submitPhase,
  VALID_PRE,
} from './factories';

async function oneSeat(app: TestApp): Promise<SeatFixture> {
  const [me] = (await createSession(app)).seats;
  if (!me) throw new Error('no seat');
  return me;
}

describe('participant phase submit', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('stores raw answers, scores, instrument and protocol version and consent hash in one row per instrument', async () => {
    const me = await oneSeat(app);
    // A stale draft is replaced: the submitted body is the whole truth.
    await putAnswer(app, me.token, 'pre/closeness_sci/sci_relative_own', 1).expect(200);
    const res = await submitPhase(app, me.token, 'pre', VALID_PRE).expect(201);
    expect(res.body).toEqual({ phase: 'pre', submittedAt: expect.any(String) });
    expect(Object.keys(res.body)).toEqual(['phase', 'submittedAt']);

    const rows = await responseRows(app, me.participantId, 'pre');
    expect(rows).toHaveLength(2);
    const [checkPhone, sci] = rows;
    expect(sci).toMatchObject({
      instrument_id: 'closeness_sci',
      instrument_version: 1,
      protocol_version: 1,
      consent_hash: me.consentHash,
      answers: VALID_PRE.closeness_sci,
      scores: { sci: 4 },
    });
    expect(checkPhone).toMatchObject({
      instrument_id: 'check_phone',
      answers: VALID_PRE.check_phone,
      scores: {},
      consent_hash: me.consentHash,
    });
    expect(sci?.submitted_at?.toISOString()).toBe(res.body.submittedAt);
    expect(checkPhone?.submitted_at?.toISOString()).toBe(res.body.submittedAt);

    const resumed = await getAnswers(app, me.token, 'pre').expect(200);
    expect(resumed.body.instruments.map((i: { submitted: boolean }) => i.submitted)).toEqual([true, true]);

    const audit: Array<{ data: Record<string, unknown>; actor_type: string }> = await app.db.dataSource.query(
      `SELECT actor_type, data FROM audit_event WHERE action = 'response.submitted' AND actor_id = $1`,
      [me.participantId],
    );
    expect(audit).toEqual([
      {
        actor_type: 'participant',
        data: {
          phase: 'pre',
          instruments: [
            { id: 'closeness_sci', version: 1 },
            { id: 'check_phone', version: 1 },
          ],
        },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain('phone_present');
  });

  describe('Idempotency-Key', () => {
    it('is required (400 IDEMPOTENCY_KEY_REQUIRED) and must be well-formed', async () => {
      const me = await oneSeat(app);
      const missing = await submitPhase(app, me.token, 'pre', VALID_PRE, null).expect(400);
      expect(missing.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
      const bad = await submitPhase(app, me.token, 'pre', VALID_PRE, 'has spaces!').expect(400);
      expect(bad.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
      await submitPhase(app, me.token, 'pre', VALID_PRE, 'k'.repeat(201)).expect(400);
      expect(await submissionRows(app, me.participantId)).toEqual([]);
    });

    it('replays the first response for the same key and body (even with keys reordered)', async () => {
      const me = await oneSeat(app);
      const key = newKey();
      const first = await submitPhase(app, me.token, 'pre', VALID_PRE, key).expect(201);
      const reordered = {
        check_phone: { phone_object_recalled: 'phone', phone_present: 'yes' },
        closeness_sci: { sci_relative_others: 3, sci_relative_own: 5 },
      };
      const again = await submitPhase(app, me.token, 'pre', reordered, key).expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.text).toBe(first.text);
      expect(await submissionRows(app, me.participantId)).toEqual([{ phase: 'pre', state: 'done', idempotency_key: key }]);
    });

    it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body', async () => {
      const me = await oneSeat(app);
      const key = newKey();
      await submitPhase(app, me.token, 'pre', VALID_PRE, key).expect(201);
      const other = { ...VALID_PRE, closeness_sci: { sci_relative_own: 1, sci_relative_others: 1 } };
      const res = await submitPhase(app, me.token, 'pre', other, key).expect(422);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const rows = await responseRows(app, me.participantId, 'pre');
      expect(rows.find((row) => row.instrument_id === 'closeness_sci')?.answers).toEqual(VALID_PRE.closeness_sci);
    });

    it('answers 409 SUBMISSION_IN_PROGRESS while the first request is still in flight, and 422 for another body then', async () => {
      const me = await oneSeat(app);
      const key = newKey();
      await app.db.dataSource.query(
        `INSERT INTO phase_submission (participant_id, phase, idempotency_key, request_hash, state) VALUES ($1, 'pre', $2, $3, 'in_progress')`,
        [me.participantId, key, requestHash({ answers: VALID_PRE })],
      );
      const res = await submitPhase(app, me.token, 'pre', VALID_PRE, key).expect(409);
      expect(res.body.code).toBe('SUBMISSION_IN_PROGRESS');
      await submitPhase(
        app,
        me.token,
        'pre',
        { ...VALID_PRE, check_phone: { phone_present: 'no', phone_object_recalled: 'nothing' } },
        key,
      ).expect(422);
      const otherKey = await submitPhase(app, me.token, 'pre', VALID_PRE).expect(409);
      expect(otherKey.body.code).toBe('SUBMISSION_IN_PROGRESS');
      expect(await responseRows(app, me.participantId, 'pre')).toEqual([]);
    });

    it('lets a retry take over an in_progress claim left by a crash (older than 30 s)', async () => {
      const me = await oneSeat(app);
      await app.db.dataSource.query(
        `INSERT INTO phase_submission (participant_id, phase, idempotency_key, request_hash, state, created_at)
         VALUES ($1, 'pre', 'crashed-key', 'x', 'in_progress', now() - interval '31 seconds')`,
        [me.participantId],
      );
      const key = newKey();
      await submitPhase(app, me.token, 'pre', VALID_PRE, key).expect(201);
      expect(await submissionRows(app, me.participantId)).toEqual([{ phase: 'pre', state: 'done', idempotency_key: key }]);
      expect(await responseRows(app, me.participantId, 'pre')).toHaveLength(2);
    });

    it('answers 409 PHASE_SUBMITTED for another key once the phase is done', async () => {
      const me = await oneSeat(app);
      await submitPhase(app, me.token, 'pre', VALID_PRE).expect(201);
      const res = await submitPhase(app, me.token, 'pre', VALID_PRE).expect(409);
      expect(res.body.code).toBe('PHASE_SUBMITTED');
    });
  });

  it('freezes a submitted phase: autosave afterwards is 409 PHASE_SUBMITTED and changes nothing', async () => {
    const me = await oneSeat(app);
    await submitPhase(app, me.token, 'pre', VALID_PRE).expect(201);
    const before = await responseRows(app, me.participantId, 'pre');
    const res = await putAnswer(app, me.token, 'pre/closeness_sci/sci_relative_own', 1).expect(409);
    expect(res.body.code).toBe('PHASE_SUBMITTED');
    expect(await responseRows(app, me.participantId, 'pre')).toEqual(before);
  });

  it('stores exactly one submission under a concurrent double tap', async () => {
    const me = await oneSeat(app);
    const key = newKey();
    const results = await Promise.all(Array.from({ length: 5 }, () => submitPhase(app, me.token, 'pre', VALID_PRE, key)));
    const statuses = results.map((res) => res.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    const bodies = new Set(results.filter((res) => res.status === 201).map((res) => res.text));
    expect(bodies.size).toBe(1);
    for (const res of results.filter((r) => r.status === 409)) expect(res.body.code).toBe('SUBMISSION_IN_PROGRESS');
    expect(await submissionRows(app, me.participantId)).toEqual([{ phase: 'pre', state: 'done', idempotency_key: key }]);
    const rows = await responseRows(app, me.participantId, 'pre');
    expect(rows.map((row) => row.instrument_id)).toEqual(['check_phone', 'closeness_sci']);
  });

  it('stores exactly one submission when several keys race for the same phase', async () => {
    const me = await oneSeat(app);
    const results = await Promise.all(Array.from({ length: 5 }, () => submitPhase(app, me.token, 'pre', VALID_PRE)));
    expect(results.filter((res) => res.status === 201)).toHaveLength(1);
    expect(results.filter((res) => res.status === 409)).toHaveLength(4);
    expect(await submissionRows(app, me.participantId)).toHaveLength(1);
    expect(await responseRows(app, me.participantId, 'pre')).toHaveLength(2);
  });

  it('writes nothing when one instrument is invalid, and the participant can fix it and submit again', async () => {
    const me = await oneSeat(app);
    await putAnswer(app, me.token, 'pre/closeness_sci/sci_relative_own', 5).expect(200);
    const before = await responseRows(app, me.participantId, 'pre');
    const key = newKey();
    const res = await submitPhase(app, me.token, 'pre', { ...VALID_PRE, check_phone: { phone_present: 'perhaps' } }, key).expect(400);
    expect(res.body.code).toBe('INVALID_ANSWERS');
    expect(res.body.errors).toEqual([
      { path: 'answers.check_phone.phone_present', code: 'NOT_AN_OPTION', message: expect.any(String) },
      { path: 'answers.check_phone.phone_object_recalled', code: 'REQUIRED', message: expect.any(String) },
    ]);
    expect(await responseRows(app, me.participantId, 'pre')).toEqual(before);
    expect(await submissionRows(app, me.participantId)).toEqual([]);
    // The failed attempt released its claim, so the same key with the corrected body is a first request.
    await submitPhase(app, me.token, 'pre', VALID_PRE, key).expect(201);
  });

  it('requires every instrument of the phase and rejects unknown ones (400 UNKNOWN_INSTRUMENT)', async () => {
    const me = await oneSeat(app);
    const partial = await submitPhase(app, me.token, 'pre', { closeness_sci: VALID_PRE.closeness_sci }).expect(400);
    expect(partial.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['answers.check_phone.phone_present', 'REQUIRED'],
      ['answers.check_phone.phone_object_recalled', 'REQUIRED'],
    ]);
    const unknown = await submitPhase(app, me.token, 'pre', { ...VALID_PRE, ios: { ios: 3 } }).expect(400);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_INSTRUMENT', errors: [{ path: 'answers.ios', code: 'UNKNOWN_INSTRUMENT' }] });
    const notObject = await submitPhase(app, me.token, 'pre', { ...VALID_PRE, check_phone: [1] }).expect(400);
    expect(notObject.body.errors).toEqual([expect.objectContaining({ path: 'answers.check_phone', code: 'WRONG_TYPE' })]);
    await submitPhase(app, me.token, 'pre', 'not an object').expect(400);
    expect(await submissionRows(app, me.participantId)).toEqual([]);
  });

  // The route checks its body and :phase with its own pipes (SubmitBodyPipe, PhasePipe) instead of
  // the global ValidationPipe: the refusals must stay what the DTOs gave, and nothing may be stored.
  it('refuses a malformed body or phase as 400 VALIDATION_FAILED naming the field, storing nothing', async () => {
    const me = await oneSeat(app);
    const post = (path: string, body: unknown) =>
      request(app.http)
        .post(path)
        .set('X-Participant-Token', me.token)
        .set('Idempotency-Key', newKey())
        .send(body as object);
    const cases: Array<[string, unknown, Array<[string, string]>]> = [
      ['/api/participant/phases/pre/submit', { answers: VALID_PRE, extra: 1 }, [['extra', 'UNKNOWN_FIELD']]],
      ['/api/participant/phases/pre/submit', {}, [['answers', 'IS_OBJECT']]],
      ['/api/participant/phases/pre/submit', { answers: null }, [['answers', 'IS_OBJECT']]],
      ['/api/participant/phases/pre/submit', { answers: [VALID_PRE] }, [['answers', 'IS_OBJECT']]],
      ['/api/participant/phases/pre/submit', [VALID_PRE], [['body', 'IS_OBJECT']]],
      ['/api/participant/phases/during/submit', { answers: VALID_PRE }, [['phase', 'IS_IN']]],
    ];
    for (const [path, body, expected] of cases) {
      const res = await post(path, body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual(expected);
    }
    expect(await submissionRows(app, me.participantId)).toEqual([]);
    expect(await responseRows(app, me.participantId, 'pre')).toEqual([]);
    await submitPhase(app, me.token, 'pre', VALID_PRE).expect(201);
  });

  it('answers 409 PHASE_NOT_OPEN when the session is not in the phase', async () => {
    const [me] = (await createSession(app, { status: 'pre_survey' })).seats;
    if (!me) throw new Error('no seat');
    const res = await submitPhase(app, me.token, 'post', { ios: { ios: 4 } }).expect(409);
    expect(res.body.code).toBe('PHASE_NOT_OPEN');
    expect(await submissionRows(app, me.participantId)).toEqual([]);
  });

  it('moves the session to the conversation once both seats submitted pre, and to complete after post', async () => {
    const { sessionId, seats } = await createSession(app);
    const [a, b] = seats;
    if (!a || !b) throw new Error('no seats');
    const keyA = newKey();
    const first = await submitPhase(app, a.token, 'pre', VALID_PRE, keyA).expect(201);
    expect(await sessionStatus(app, sessionId)).toBe('pre_survey');
    await submitPhase(app, b.token, 'pre', VALID_PRE).expect(201);
    expect(await sessionStatus(app, sessionId)).toBe('conversation');
    // A retry that arrives after the session moved on still gets the first response.
    const replay = await submitPhase(app, a.token, 'pre', VALID_PRE, keyA).expect(201);
    expect(replay.body).toEqual(first.body);
    await app.db.dataSource.query(`UPDATE study_session SET conversation_started_at = now() - interval '1 hour' WHERE id = $1`, [
      sessionId,
    ]);
    await Promise.all([a, b].map((seat) => submitPhase(app, seat.token, 'post', { ios: { ios: 5 } }).expect(201)));
    expect(await sessionStatus(app, sessionId)).toBe('complete');
    const rows = await responseRows(app, a.participantId, 'post');
    expect(rows).toMatchObject([{ instrument_id: 'ios', answers: { ios: 5 }, scores: { ios: 5 } }]);
  });
});
