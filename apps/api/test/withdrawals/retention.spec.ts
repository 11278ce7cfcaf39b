import type { Schemas } from '@attune/api-client';
import type { INestApplication } from '@nestjs/common';
import { purgeStudy, retentionRun } from '../../src/cli/retention-commands';
import { createApp } from '../../src/app.factory';
import { createLogger } from '../../src/common/logger';
import { RetentionService } from '../../src/retention/retention.service';
import type { Phone } from '../sessions/factories';
import { initApp, startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { finishedSession, rows, withdrawalStudy } from './support';

interface Answers {
  answers: Record<string, unknown>;
}

async function closedDaysAgo(app: TestApp, owner: Owner, studyId: string, days: number): Promise<void> {
  await owner.call('post', `/api/studies/${studyId}/close`).expect(200);
  await app.db.dataSource.query(`UPDATE study SET seed_revealed_at = now() - make_interval(days => $2) WHERE id = $1`, [studyId, days]);
}

describe('retention: identifiers go RETENTION_DAYS after close; purge-study removes participant data', () => {
  let app: TestApp;
  let second: INestApplication;
  let owner: Owner;

  beforeAll(async () => {
    app = await startTestApp({ RETENTION_CHECK_MINUTES: '0' });
    // A second API instance on the same database, as a second replica would be.
    second = await createApp(app.config, createLogger('silent'));
    await initApp(second);
    owner = await ownerOf(app);
  });
  afterAll(async () => {
    await second.close();
    await app.close();
  });

  it('deletes external ids and flagged free text once, whichever instance runs the job and however often', async () => {
    const due = await withdrawalStudy(owner);
    const { phones } = await finishedSession(app, owner, due);
    const notDue = await withdrawalStudy(owner);
    const other = await finishedSession(app, owner, notDue);
    await app.db.dataSource.query(
      `UPDATE participant SET external_ids = '{"PROLIFIC_PID": "5f1e0c0ffee"}'::jsonb WHERE study_id = ANY($1)`,
      [[due.id, notDue.id]],
    );
    await closedDaysAgo(app, owner, due.id, 91);
    await closedDaysAgo(app, owner, notDue.id, 89);

    const runs = await Promise.all([app.app.get(RetentionService).run(), second.get(RetentionService).run()]);
    expect(runs.flatMap((run) => run.studies.map((study) => study.studyId))).toEqual([due.id]);
    expect(runs.flatMap((run) => run.studies)).toEqual([{ studyId: due.id, externalIds: 2, identifyingAnswers: 2 }]);
    expect((await app.app.get(RetentionService).run()).studies).toEqual([]);

    const ids = await rows<{ study_id: string; external_ids: Record<string, string> }>(
      app,
      'SELECT study_id, external_ids FROM participant WHERE study_id = ANY($1)',
      [[due.id, notDue.id]],
    );
    expect(ids.filter((row) => row.study_id === due.id).map((row) => row.external_ids)).toEqual([{}, {}]);
    expect(ids.filter((row) => row.study_id === notDue.id).map((row) => row.external_ids)).toEqual([
      { PROLIFIC_PID: '5f1e0c0ffee' },
      { PROLIFIC_PID: '5f1e0c0ffee' },
    ]);
    const debrief = await rows<Answers>(app, `SELECT answers FROM response WHERE participant_id = $1 AND instrument_id = 'debrief'`, [
      (phones[0] as Phone).participantId,
    ]);
    expect(debrief.map((row) => row.answers)).toEqual([{ debrief_purpose: 'about phones?', debrief_noticed: 'yes' }]);
    const untouched = await rows<Answers>(app, `SELECT answers FROM response WHERE participant_id = $1 AND instrument_id = 'debrief'`, [
      (other.phones[0] as Phone).participantId,
    ]);
    expect(untouched[0]?.answers['debrief_comments']).toBe('Seat 1: call me on 0123 456');

    expect(
      await rows(app, `SELECT id FROM audit_event WHERE action = 'study.identifiers_deleted' AND study_id = $1`, [due.id]),
    ).toHaveLength(1);
    const protection = (await owner.call('get', `/api/studies/${due.id}/data-protection`).expect(200)).body;
    expect(protection.identifiers.deletedAt).not.toBeNull();
    expect(Date.parse(protection.identifiers.dueAt)).toBeLessThan(Date.now());
    expect((await owner.call('get', `/api/studies/${notDue.id}/data-protection`).expect(200)).body.identifiers.deletedAt).toBeNull();
  });

  it('purge-study asks for confirmation, refuses an open study, and keeps protocol and verifiable allocations', async () => {
    const study = await withdrawalStudy(owner);
    await finishedSession(app, owner, study);
    await finishedSession(app, owner, study);
    const args = (options: Record<string, true>) => ({ positional: [study.id], options });
    const output = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await expect(purgeStudy.run(app.app, args({ yes: true }))).rejects.toMatchObject({ code: 'STUDY_NOT_CLOSED' });
    await owner.call('post', `/api/studies/${study.id}/close`).expect(200);
    // Jest's stdin is no terminal, so without --yes nothing is deleted.
    expect(await purgeStudy.run(app.app, args({}))).toBe(1);
    expect(await rows(app, 'SELECT id FROM participant WHERE study_id = $1', [study.id])).toHaveLength(4);

    expect(await purgeStudy.run(app.app, args({ yes: true }))).toBe(0);
    expect(await rows(app, 'SELECT id FROM participant WHERE study_id = $1', [study.id])).toEqual([]);
    expect(await rows(app, 'SELECT id FROM response WHERE study_id = $1', [study.id])).toEqual([]);
    expect(await rows(app, 'SELECT id FROM protocol WHERE study_id = $1', [study.id])).toHaveLength(1);
    expect(await rows(app, 'SELECT id FROM allocation WHERE study_id = $1', [study.id])).toHaveLength(2);
    const verification = (await owner.call('get', `/api/studies/${study.id}/allocation-verification`).expect(200))
      .body as Schemas['VerificationResponse'];
    expect(verification.matches).toBe(true);
    expect(await retentionRun.run(app.app, { positional: [], options: {} })).toBe(0);
    expect(output.mock.calls.map(([text]) => String(text)).join('')).toMatch(/purged study .*: 4 participants, 12 responses deleted/);
    jest.restoreAllMocks();
  });
});
