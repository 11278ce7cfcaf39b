import type { Schemas } from '@attune/api-client';
import { binary, parseCsv, type Row } from '../exports/support';
import { allocatedSession, join, labSession, type Phone, seatSecret } from '../sessions/factories';
import { startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { finishedSession, rows, withdrawalStudy } from './support';

async function csv(owner: Owner, studyId: string, file: string): Promise<Row[]> {
  const res = await owner.call('get', `/api/studies/${studyId}/exports/${file}`).buffer(true).parse(binary).expect(200);
  return parseCsv((res.body as Buffer).toString('utf8')).rows;
}

describe('a researcher records a withdrawal; results, flow and exports honour it', () => {
  let app: TestApp;
  let owner: Owner;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
  });
  afterAll(() => app.close());

  it('refuses while the session runs, for an empty seat, for someone who never consented, and twice', async () => {
    const study = await withdrawalStudy(owner);
    const { session } = await allocatedSession(app.http, owner, study.id);
    const path = `/api/studies/${study.id}/withdrawals`;
    expect(
      (await owner.call('post', path).send({ sessionCode: session.code, seat: 1, reason: 'asked_in_person' }).expect(409)).body.code,
    ).toBe('SESSION_IN_PROGRESS');
    expect((await owner.call('post', path).send({ sessionCode: 'NOSUCH', seat: 1, reason: 'asked_in_person' }).expect(404)).body.code).toBe(
      'SEAT_NOT_FOUND',
    );
    const bad = await owner.call('post', path).send({ sessionCode: session.code, seat: 1, reason: 'my neighbour Bob asked' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('reason');

    const unconsented = await labSession(owner, study.id);
    await join(app.http, { seatSecret: seatSecret(unconsented, 1) });
    await owner.call('post', `/api/studies/${study.id}/sessions/${unconsented.id}/abandon`).send({ reason: 'no_show' }).expect(200);
    expect(
      (await owner.call('post', path).send({ sessionCode: unconsented.code, seat: 1, reason: 'asked_in_person' }).expect(409)).body.code,
    ).toBe('NEVER_CONSENTED');

    const finished = await finishedSession(app, owner, study);
    await owner
      .call('post', path)
      .send({ sessionCode: finished.session.code.toLowerCase(), seat: 2, reason: 'asked_by_email' })
      .expect(201);
    expect(
      (await owner.call('post', path).send({ sessionCode: finished.session.code, seat: 2, reason: 'asked_by_email' }).expect(409)).body
        .code,
    ).toBe('ALREADY_WITHDRAWN');
  });

  it('keeps the partner: results use their answers only, the flow counts the withdrawal, exports show the seat without answers', async () => {
    const study = await withdrawalStudy(owner);
    const kept = await finishedSession(app, owner, study);
    const dyad = await finishedSession(app, owner, study);
    const [gone, partner] = dyad.phones as [Phone, Phone];
    const recorded = await owner
      .call('post', `/api/studies/${study.id}/withdrawals`)
      .send({ sessionCode: dyad.session.code, seat: 1, reason: 'asked_in_person' })
      .expect(201);
    expect(recorded.body).toMatchObject({ participantId: gone.participantId, responsesDeleted: 3 });
    expect((await rows(app, 'SELECT id FROM response WHERE participant_id = $1', [partner.participantId])).length).toBe(3);

    const results = (await owner.call('get', `/api/studies/${study.id}/results`).expect(200)).body as Schemas['StudyResultsResponse'];
    const ios = results.scales.find((s) => s.instrumentId === 'ios' && s.phase === 'post');
    const cells = ios?.cells.filter((cell) => cell.sessions > 0) ?? [];
    expect(cells.reduce((sum, cell) => sum + cell.sessions, 0)).toBe(2);
    expect(cells.reduce((sum, cell) => sum + cell.participants, 0)).toBe(3);

    const flow = (await owner.call('get', `/api/studies/${study.id}/flow`).expect(200)).body as Schemas['FlowResponse'];
    expect(flow.totals).toMatchObject({ participants: 4, withdrew: 1, analysed: 3, completed: 4 });

    const wide = await csv(owner, study.id, 'wide.csv');
    expect(wide).toHaveLength(4);
    const withdrawnRows = wide.filter((row) => row['participant_status'] === 'withdrawn');
    expect(withdrawnRows).toHaveLength(1);
    const answerColumns = Object.keys(wide[0] ?? {}).filter((name) => /ios|sci|debrief/.test(name));
    expect(answerColumns.length).toBeGreaterThan(3);
    for (const name of answerColumns) expect(withdrawnRows[0]?.[name]).toBe('');
    expect(wide.filter((row) => row['session_withdrawn_member'] === '1')).toHaveLength(2);
    const withdrawnPseudonym = withdrawnRows[0]?.['participant'];
    const long = await csv(owner, study.id, 'long.csv');
    expect(long.length).toBeGreaterThan(0);
    expect(long.filter((row) => row['participant'] === withdrawnPseudonym)).toEqual([]);
    expect(kept.phones.length).toBe(2);

    const protection = (await owner.call('get', `/api/studies/${study.id}/data-protection`).expect(200)).body;
    expect(protection).toMatchObject({
      withdrawal: { daysAfterClose: 30, deadline: null, withdrawn: 1 },
      identifiers: { retentionDays: 90, dueAt: null, deletedAt: null },
    });
    const [event] = await rows<{ data: Record<string, unknown>; actor_type: string }>(
      app,
      `SELECT data, actor_type FROM audit_event WHERE action = 'participant.withdrawn' AND subject_id = $1`,
      [gone.participantId],
    );
    expect(event).toMatchObject({ actor_type: 'user', data: { by: 'researcher', reason: 'asked_in_person', responsesDeleted: 3 } });
  });
});
