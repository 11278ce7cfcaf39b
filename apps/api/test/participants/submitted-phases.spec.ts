import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { createSession, type SeatFixture, setSessionStatus, submitPhase, VALID_PRE } from '../responses/factories';

const VALID_POST = { ios: { ios: 5 } };

function submittedPhases(app: TestApp, seat: SeatFixture): Promise<unknown> {
  return request(app.http)
    .get('/api/participant/state')
    .set('X-Participant-Token', seat.token)
    .expect(200)
    .then((res) => res.body.participant.submittedPhases);
}

describe('participant state: the phases the server holds a submission of', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('names a phase once its submit is done, for that participant only, while the session waits for the partner', async () => {
    const { sessionId, seats } = await createSession(app);
    const [me, partner] = seats as [SeatFixture, SeatFixture];
    expect(await submittedPhases(app, me)).toEqual([]);

    await submitPhase(app, me.token, 'pre', VALID_PRE).expect(201);
    expect(await submittedPhases(app, me)).toEqual(['pre']);
    expect(await submittedPhases(app, partner)).toEqual([]);

    await submitPhase(app, partner.token, 'pre', VALID_PRE).expect(201);
    await setSessionStatus(app, sessionId, 'post_survey');
    await submitPhase(app, me.token, 'post', VALID_POST).expect(201);
    expect(await submittedPhases(app, me)).toEqual(['pre', 'post']);
  });

  it('does not count a submit still in flight, which may yet fail and be retried', async () => {
    const { seats } = await createSession(app, { seats: 1 });
    const [me] = seats as [SeatFixture];
    await app.db.dataSource.query(
      `INSERT INTO phase_submission (participant_id, phase, idempotency_key, request_hash, state) VALUES ($1, 'pre', 'k-in-flight', 'h', 'in_progress')`,
      [me.participantId],
    );
    expect(await submittedPhases(app, me)).toEqual([]);
  });
});
