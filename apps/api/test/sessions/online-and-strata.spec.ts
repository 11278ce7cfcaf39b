import type { Schemas } from '@attune/api-client';
import { startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { allocatedSession, join, labSession, launchedStudy, type Phone, readyAtSeat, type StudyFixture } from './factories';

async function seatOf(app: TestApp, phone: Phone): Promise<{ session_id: string | null; seat_number: number | null }> {
  const [row] = await app.db.dataSource.query('SELECT session_id, seat_number FROM participant WHERE id = $1', [phone.participantId]);
  return row as { session_id: string | null; seat_number: number | null };
}

let pids = 0;

/** Online: consent puts the participant in the waiting room; the partner question waits for a partner. */
async function waitingParticipant(app: TestApp, study: StudyFixture): Promise<Phone> {
  pids += 1;
  const phone = await join(app.http, { studyCode: study.joinCode, externalIds: { PROLIFIC_PID: `pid${pids}` } });
  await phone.consent();
  return phone;
}

async function stale(app: TestApp, phone: Phone): Promise<void> {
  await app.db.dataSource.query(`UPDATE participant SET last_seen_at = now() - interval '60 seconds' WHERE id = $1`, [phone.participantId]);
}

describe('online waiting room and stratified allocation', () => {
  let app: TestApp;
  let owner: Owner;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
  });
  afterAll(() => app.close());

  it('pairs only participants seen within the last 30 seconds, by arrival', async () => {
    const study = await launchedStudy(owner, { templateId: 'phone_topic' });
    const first = await waitingParticipant(app, study);
    expect(await first.heartbeat()).toEqual({ waiting: true, sessionStatus: null });
    await stale(app, first);
    const second = await waitingParticipant(app, study);
    expect((await seatOf(app, second)).session_id).toBeNull();
    expect((await seatOf(app, first)).session_id).toBeNull();

    const third = await waitingParticipant(app, study);
    const [s2, s3] = [await seatOf(app, second), await seatOf(app, third)];
    expect(s2.session_id).not.toBeNull();
    expect(s3.session_id).toBe(s2.session_id);
    expect([s2.seat_number, s3.seat_number]).toEqual([1, 2]);
    // "Did you know your partner before today?" is asked now that there is a partner, and only then allocation happens.
    const paired = await third.state();
    expect(paired.session).toMatchObject({ status: 'forming', seatsTaken: 2, instructions: null });
    expect(paired.participant.covariatesAnswered).toBe(false);
    expect(paired.study.covariateQuestions.map((question) => question.id)).toEqual(['acquainted']);
    await third.answer({ acquainted: 'strangers' });
    expect((await third.state()).session?.status).toBe('forming');
    await second.answer({ acquainted: 'strangers' });
    expect((await third.state()).session).toMatchObject({ status: 'allocated', seatsTaken: 2 });
    expect((await third.state()).study.covariateQuestions).toEqual([]);
    expect(await second.heartbeat()).toEqual({ waiting: false, sessionStatus: 'allocated' });

    // The stale participant comes back: a heartbeat makes them fresh, and the next arrival pairs with them.
    expect(await first.heartbeat()).toEqual({ waiting: true, sessionStatus: null });
    const fourth = await waitingParticipant(app, study);
    expect((await seatOf(app, first)).session_id).toBe((await seatOf(app, fourth)).session_id);
    await first.answer({ acquainted: 'acquainted' });
    await fourth.answer({ acquainted: 'acquainted' });
    const listed = (await owner.call('get', `/api/studies/${study.id}/sessions`).expect(200)).body as Schemas['SessionSummaryResponse'][];
    expect(listed).toHaveLength(2);
    expect(listed.every((row) => row.mode === 'online' && row.status === 'allocated' && row.seatsTaken === 2)).toBe(true);
  });

  it('does not pair a participant who left the waiting room, nor form sessions while the study is paused', async () => {
    const study = await launchedStudy(owner, { templateId: 'phone_topic' });
    const leaver = await waitingParticipant(app, study);
    await leaver.leave();
    const next = await waitingParticipant(app, study);
    expect((await seatOf(app, next)).session_id).toBeNull();
    await owner.call('post', `/api/studies/${study.id}/pause`).expect(200);
    const late = await waitingParticipant(app, study).catch(() => null);
    expect(late).toBeNull();
    expect(await next.heartbeat()).toEqual({ waiting: true, sessionStatus: null });
    await owner.call('post', `/api/studies/${study.id}/resume`).expect(200);
    const partner = await waitingParticipant(app, study);
    expect((await seatOf(app, partner)).session_id).toBe((await seatOf(app, next)).session_id);
  });

  it("stratifies by the members' common answer, and puts disagreeing sessions in the 'mixed' stratum", async () => {
    const study = await launchedStudy(owner, { templateId: 'phone_seating' });
    const agree = await allocatedSession(app.http, owner, study.id, { acquainted: 'acquainted' });
    const differ = await labSession(owner, study.id);
    await readyAtSeat(app.http, differ, 1, { acquainted: 'acquainted' });
    await readyAtSeat(app.http, differ, 2, { acquainted: 'strangers' });
    const strangers = await allocatedSession(app.http, owner, study.id, { acquainted: 'strangers' });
    const rows: Array<{ session_id: string; stratum: string; sequence_index: number }> = await app.db.dataSource.query(
      'SELECT session_id, stratum, sequence_index FROM allocation WHERE study_id = $1',
      [study.id],
    );
    const byId = new Map(rows.map((row) => [row.session_id, row]));
    expect(byId.get(agree.session.id)).toMatchObject({ stratum: 'acquainted=acquainted', sequence_index: 0 });
    expect(byId.get(differ.id)).toMatchObject({ stratum: 'acquainted=mixed', sequence_index: 0 });
    expect(byId.get(strangers.session.id)).toMatchObject({ stratum: 'acquainted=strangers', sequence_index: 0 });
    const detail = (await owner.call('get', `/api/studies/${study.id}/sessions/${differ.id}`).expect(200)).body;
    expect(detail.stratum).toBe('acquainted=mixed');
  });

  it('waits for an observed stratification covariate: recording it allocates, and it is fixed afterwards', async () => {
    const study = await launchedStudy(owner, {
      templateId: 'phone_seating',
      edit: (design) => ({ ...design, stratifyBy: ['phone_seen'] }),
    });
    const session = await labSession(owner, study.id);
    const phones = [await readyAtSeat(app.http, session, 1), await readyAtSeat(app.http, session, 2)];
    expect((await phones[0]?.state())?.session).toMatchObject({ status: 'forming', seatsReady: 2, instructions: null });

    const bad = await owner
      .call('post', `/api/studies/${study.id}/sessions/${session.id}/observed-covariates`)
      .send({ values: { phone_seen: 'maybe', acquainted: 'strangers' } })
      .expect(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'values.phone_seen', code: 'UNKNOWN_LEVEL' }),
        expect.objectContaining({ path: 'values.acquainted', code: 'UNKNOWN_COVARIATE' }),
      ]),
    );
    const recorded = (
      await owner
        .call('post', `/api/studies/${study.id}/sessions/${session.id}/observed-covariates`)
        .send({ values: { phone_seen: 'no' } })
        .expect(200)
    ).body;
    expect(recorded).toMatchObject({ status: 'allocated', stratum: 'phone_seen=no', observedCovariates: { phone_seen: 'no' } });
    const locked = await owner
      .call('post', `/api/studies/${study.id}/sessions/${session.id}/observed-covariates`)
      .send({ values: { phone_seen: 'yes' } })
      .expect(409);
    expect(locked.body.code).toBe('OBSERVED_COVARIATE_LOCKED');
    await owner
      .call('post', `/api/studies/${study.id}/sessions/${session.id}/observed-covariates`)
      .send({ values: { phone_seen: 'no' } })
      .expect(200);
  });
});
