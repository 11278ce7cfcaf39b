import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { createSession, getAnswers, putAnswer, responseRows, sessionStatus, setSessionStatus } from './factories';

describe('participant answers: item-by-item autosave and resume', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('saves items as they are given and returns them to resume after a reload', async () => {
    const { seats } = await createSession(app);
    const [me] = seats;
    if (!me) throw new Error('no seat');
    const saved = await putAnswer(app, me.token, 'pre/closeness_sci/sci_relative_own', 5).expect(200);
    expect(saved.body).toEqual({ itemId: 'sci_relative_own', saved: true });
    await putAnswer(app, me.token, 'pre/check_phone/phone_present', 'yes').expect(200);
    await putAnswer(app, me.token, 'pre/closeness_sci/sci_relative_own', 6).expect(200);

    const resumed = await getAnswers(app, me.token, 'pre').expect(200);
    expect(resumed.body).toEqual({
      instruments: [
        { id: 'closeness_sci', version: 1, answers: { sci_relative_own: 6 }, submitted: false },
        { id: 'check_phone', version: 1, answers: { phone_present: 'yes' }, submitted: false },
      ],
    });
    const rows = await responseRows(app, me.participantId, 'pre');
    expect(rows.map((row) => [row.instrument_id, row.consent_hash, row.submitted_at, row.scores])).toEqual([
      ['check_phone', me.consentHash, null, null],
      ['closeness_sci', me.consentHash, null, null],
    ]);
  });

  it('is idempotent: the same PUT twice leaves the same state, and null clears an item', async () => {
    const [me] = (await createSession(app)).seats;
    if (!me) throw new Error('no seat');
    await putAnswer(app, me.token, 'pre/closeness_sci/sci_relative_own', 4).expect(200);
    const once = await responseRows(app, me.participantId, 'pre');
    await putAnswer(app, me.token, 'pre/closeness_sci/sci_relative_own', 4).expect(200);
    const twice = await responseRows(app, me.participantId, 'pre');
    expect(twice.map((row) => row.answers)).toEqual(once.map((row) => row.answers));
    expect(twice).toHaveLength(1);

    await putAnswer(app, me.token, 'pre/closeness_sci/sci_relative_own', null).expect(200);
    const cleared = await getAnswers(app, me.token, 'pre').expect(200);
    expect(cleared.body.instruments[0].answers).toEqual({ sci_relative_own: null });
  });

  it.each([
    ['pre/closeness_sci/sci_relative_own', 8, 'OUT_OF_RANGE'],
    ['pre/closeness_sci/sci_relative_own', 2.5, 'NOT_AN_INTEGER'],
    ['pre/closeness_sci/sci_relative_own', '3', 'WRONG_TYPE'],
    ['pre/check_phone/phone_present', 'maybe', 'NOT_AN_OPTION'],
    ['pre/check_phone/no_such_item', 'yes', 'UNKNOWN_ITEM'],
  ])('PUT %s = %j → 400 with the survey code %s, and nothing is stored', async (path, value, code) => {
    const [me] = (await createSession(app)).seats;
    if (!me) throw new Error('no seat');
    const res = await putAnswer(app, me.token, path, value).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const itemId = path.split('/')[2];
    expect(res.body).toMatchObject({ code: 'INVALID_ANSWERS', errors: [{ path: `answers.${itemId}`, code }] });
    expect(res.body.errors).toHaveLength(1);
    expect(await responseRows(app, me.participantId, 'pre')).toEqual([]);
  });

  it('rejects a body without a value and a phase that does not exist', async () => {
    const [me] = (await createSession(app)).seats;
    if (!me) throw new Error('no seat');
    const missing = await request(app.http)
      .put('/api/participant/answers/pre/closeness_sci/sci_relative_own')
      .set('X-Participant-Token', me.token)
      .send({})
      .expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'value', code: 'REQUIRED' })]);
    const extra = await request(app.http)
      .put('/api/participant/answers/pre/closeness_sci/sci_relative_own')
      .set('X-Participant-Token', me.token)
      .send({ value: 3, other: 1 })
      .expect(400);
    expect(extra.body.errors).toEqual([expect.objectContaining({ path: 'other', code: 'UNKNOWN_FIELD' })]);
    await putAnswer(app, me.token, 'during/closeness_sci/sci_relative_own', 3).expect(400);
    await getAnswers(app, me.token, 'during').expect(400);
  });

  it('answers 404 INSTRUMENT_NOT_IN_PHASE for an instrument of the other phase or of no phase', async () => {
    const [me] = (await createSession(app)).seats;
    if (!me) throw new Error('no seat');
    const otherPhase = await putAnswer(app, me.token, 'pre/ios/ios', 3).expect(404);
    expect(otherPhase.body.code).toBe('INSTRUMENT_NOT_IN_PHASE');
    const unknown = await putAnswer(app, me.token, 'pre/no_such_instrument/x', 3).expect(404);
    expect(unknown.body.code).toBe('INSTRUMENT_NOT_IN_PHASE');
  });

  it.each([
    ['allocated', 'pre'],
    ['conversation', 'pre'],
    ['conversation', 'post'],
    ['pre_survey', 'post'],
    ['post_survey', 'pre'],
    ['complete', 'post'],
    ['abandoned', 'pre'],
  ] as const)('answers 409 PHASE_NOT_OPEN while the session is %s (phase %s)', async (status, phase) => {
    const { seats } = await createSession(app, { status });
    const [me] = seats;
    if (!me) throw new Error('no seat');
    const path = phase === 'pre' ? 'pre/closeness_sci/sci_relative_own' : 'post/ios/ios';
    const res = await putAnswer(app, me.token, path, 3).expect(409);
    expect(res.body.code).toBe('PHASE_NOT_OPEN');
    expect(await responseRows(app, me.participantId, phase)).toEqual([]);
  });

  it('opens the post phase once the conversation time is up (the session is refreshed first)', async () => {
    const { sessionId, seats } = await createSession(app, { status: 'conversation', conversationOver: true });
    const [me] = seats;
    if (!me) throw new Error('no seat');
    await putAnswer(app, me.token, 'post/ios/ios', 6).expect(200);
    expect(await sessionStatus(app, sessionId)).toBe('post_survey');
    const resumed = await getAnswers(app, me.token, 'post').expect(200);
    expect(resumed.body).toEqual({ instruments: [{ id: 'ios', version: 1, answers: { ios: 6 }, submitted: false }] });
  });

  it('requires consent (403 CONSENT_REQUIRED) and a valid token (401)', async () => {
    const [me] = (await createSession(app, { consented: false })).seats;
    if (!me) throw new Error('no seat');
    const res = await putAnswer(app, me.token, 'pre/closeness_sci/sci_relative_own', 3).expect(403);
    expect(res.body.code).toBe('CONSENT_REQUIRED');
    await putAnswer(app, 'atp_not-a-real-token', 'pre/closeness_sci/sci_relative_own', 3).expect(401);
    await request(app.http).get('/api/participant/answers/pre').expect(401);
  });

  it("never shows participant B's answers to participant A's token", async () => {
    const { sessionId, seats } = await createSession(app);
    const [a, b] = seats;
    if (!a || !b) throw new Error('no seats');
    await putAnswer(app, b.token, 'pre/closeness_sci/sci_relative_own', 7).expect(200);
    await putAnswer(app, a.token, 'pre/closeness_sci/sci_relative_others', 1).expect(200);
    const mine = await getAnswers(app, a.token, 'pre').expect(200);
    expect(mine.body.instruments[0].answers).toEqual({ sci_relative_others: 1 });
    expect(JSON.stringify(mine.body)).not.toContain('sci_relative_own');
    const bRows = await responseRows(app, b.participantId, 'pre');
    expect(bRows.map((row) => row.answers)).toEqual([{ sci_relative_own: 7 }]);
    expect(await sessionStatus(app, sessionId)).toBe('pre_survey');
  });

  it('lists the phase instruments with empty answers before anything is saved, in any session step', async () => {
    const { sessionId, seats } = await createSession(app);
    const [me] = seats;
    if (!me) throw new Error('no seat');
    const res = await getAnswers(app, me.token, 'post').expect(200);
    expect(res.body).toEqual({ instruments: [{ id: 'ios', version: 1, answers: {}, submitted: false }] });
    await setSessionStatus(app, sessionId, 'complete');
    const later = await getAnswers(app, me.token, 'post').expect(200);
    expect(later.body).toEqual(res.body);
  });
});
