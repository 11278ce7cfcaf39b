import type { Schemas } from '@attune/api-client';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { join, labSession, launchedStudy, type StudyFixture, seatSecret } from './factories';

describe('participant tokens and links: single-use seat links, expiry after the session, one row per Prolific id', () => {
  let app: TestApp;
  let owner: Owner;
  let study: StudyFixture;

  beforeAll(async () => {
    app = await startTestApp({ PARTICIPANT_TOKEN_HOURS: '2' });
    owner = await ownerOf(app);
    study = await launchedStudy(owner, { templateId: 'phone_topic' });
  });
  afterAll(() => app.close());

  it('a seat link lets one person in once, even after they leave; a reissued link works and the old one does not', async () => {
    const session = await labSession(owner, study.id);
    const first = await join(app.http, { seatSecret: seatSecret(session, 1) });
    await first.leave();
    const reused = await request(app.http)
      .post('/api/participant/join')
      .send({ seatSecret: seatSecret(session, 1) })
      .expect(409);
    expect(reused.body.code).toBe('SEAT_TAKEN');

    const path = `/api/studies/${study.id}/sessions/${session.id}/seats/1/link`;
    const reissued = (await owner.call('post', path).expect(201)).body as Schemas['SeatLinkResponse'];
    expect(reissued.seatNumber).toBe(1);
    expect(reissued.joinPath).not.toBe(session.seats[0]?.joinPath);
    await request(app.http)
      .post('/api/participant/join')
      .send({ seatSecret: seatSecret(session, 1) })
      .expect(404);
    await join(app.http, { seatSecret: reissued.joinPath.replace('/join/seat/', '') });
    // Held now: no new link for it; and no seat 5 in a dyad.
    expect((await owner.call('post', path).expect(409)).body.code).toBe('SEAT_TAKEN');
    expect((await owner.call('post', `/api/studies/${study.id}/sessions/${session.id}/seats/5/link`).expect(404)).body.code).toBe(
      'SEAT_NOT_FOUND',
    );
  });

  it('a token stops working PARTICIPANT_TOKEN_HOURS after its session ended, not before', async () => {
    const session = await labSession(owner, study.id);
    const phone = await join(app.http, { seatSecret: seatSecret(session, 1) });
    await owner.call('post', `/api/studies/${study.id}/sessions/${session.id}/abandon`).send({ reason: 'no_show' }).expect(200);
    const [ended] = (await app.db.dataSource.query('SELECT ended_at FROM study_session WHERE id = $1', [session.id])) as Array<{
      ended_at: Date | null;
    }>;
    expect(ended?.ended_at).not.toBeNull();
    await phone.call('get', 'state').expect(200);
    await app.db.dataSource.query(`UPDATE study_session SET ended_at = now() - interval '119 minutes' WHERE id = $1`, [session.id]);
    await phone.call('get', 'state').expect(200);
    await app.db.dataSource.query(`UPDATE study_session SET ended_at = now() - interval '121 minutes' WHERE id = $1`, [session.id]);
    expect((await phone.call('get', 'state').expect(401)).body.code).toBe('PARTICIPANT_TOKEN_INVALID');
  });

  it('the study link opened again with the same Prolific id resumes the same participant with a new token', async () => {
    const online = await launchedStudy(owner, { templateId: 'phone_topic' });
    const first = await join(app.http, { studyCode: online.joinCode, externalIds: { PROLIFIC_PID: '5f0c1e2d3b4a596877665544' } });
    await first.consent();
    const again = await join(app.http, { studyCode: online.joinCode, externalIds: { PROLIFIC_PID: '5f0c1e2d3b4a596877665544' } });
    expect(again.participantId).toBe(first.participantId);
    expect(again.token).not.toBe(first.token);
    expect((await again.state()).participant.consentGiven).toBe(true);
    await first.call('get', 'state').expect(401);
    const other = await join(app.http, { studyCode: online.joinCode, externalIds: { PROLIFIC_PID: 'another-person-0001' } });
    expect(other.participantId).not.toBe(first.participantId);
    // The same Prolific id in another study is another participant.
    expect(
      (await join(app.http, { studyCode: study.joinCode, externalIds: { PROLIFIC_PID: '5f0c1e2d3b4a596877665544' } })).participantId,
    ).not.toBe(first.participantId);
    const rows = (await app.db.dataSource.query('SELECT external_key FROM participant WHERE id = $1', [first.participantId])) as Array<{
      external_key: string;
    }>;
    expect(rows[0]?.external_key).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.external_key).not.toContain('5f0c1e2d');
  });

  it('two first joins with one Prolific id at once give one participant', async () => {
    const online = await launchedStudy(owner, { templateId: 'phone_topic' });
    const body = { studyCode: online.joinCode, externalIds: { PROLIFIC_PID: 'racing-participant-01' } };
    const [a, b] = await Promise.all([join(app.http, body), join(app.http, body)]);
    expect(a.participantId).toBe(b.participantId);
    const [count] = (await app.db.dataSource.query('SELECT count(*)::int AS n FROM participant WHERE study_id = $1', [
      online.id,
    ])) as Array<{ n: number }>;
    expect(count?.n).toBe(1);
  });
});
