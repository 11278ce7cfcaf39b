import { type Participant, participantState, submitPhase } from '@attune/api-client';
import { startTestApp, type TestApp } from '../support/app';
import { createSession, participantOfSeat, type SeatFixture, setSessionStatus, VALID_PRE } from '../support/fast-setup';

const VALID_POST = { ios: { ios: 5 } };

// Set up by the fast path (rows by SQL), then driven through the typed client as the phone would.
async function phones(app: TestApp, seats: readonly SeatFixture[]): Promise<Participant[]> {
  return Promise.all(seats.map((seat) => participantOfSeat(app, seat)));
}

async function submittedPhases(phone: Participant): Promise<unknown> {
  return (await participantState(phone)).participant.submittedPhases;
}

describe('participant state: the phases the server holds a submission of', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('names a phase once its submit is done, for that participant only, while the session waits for the partner', async () => {
    const { sessionId, seats } = await createSession(app);
    const [me, partner] = (await phones(app, seats)) as [Participant, Participant];
    expect(await submittedPhases(me)).toEqual([]);

    await submitPhase(me, 'pre', VALID_PRE);
    expect(await submittedPhases(me)).toEqual(['pre']);
    expect(await submittedPhases(partner)).toEqual([]);

    await submitPhase(partner, 'pre', VALID_PRE);
    await setSessionStatus(app, sessionId, 'post_survey');
    await submitPhase(me, 'post', VALID_POST);
    expect(await submittedPhases(me)).toEqual(['pre', 'post']);
  });

  it('does not count a submit still in flight, which may yet fail and be retried', async () => {
    const { seats } = await createSession(app, { seats: 1 });
    const [me] = (await phones(app, seats)) as [Participant];
    await app.db.dataSource.query(
      `INSERT INTO phase_submission (participant_id, phase, idempotency_key, request_hash, state) VALUES ($1, 'pre', 'k-in-flight', 'h', 'in_progress')`,
      [me.participantId],
    );
    expect(await submittedPhases(me)).toEqual([]);
  });
});
