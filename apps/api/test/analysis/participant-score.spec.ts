import { startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { type RDataset, rDatasets, storeDataset, studyFor } from './r-fixtures';

// What participant_score must always equal: the submitted responses' numeric scale scores, per phase.
const FROM_RESPONSES = `
  SELECT r.participant_id::text, r.instrument_id, r.instrument_version, sc.key AS scale,
         max((sc.value)::float8) FILTER (WHERE r.phase = 'pre') AS pre, max((sc.value)::float8) FILTER (WHERE r.phase = 'post') AS post
    FROM response r CROSS JOIN LATERAL jsonb_each(r.scores) sc
   WHERE r.study_id = $1 AND r.submitted_at IS NOT NULL AND jsonb_typeof(sc.value) = 'number'
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
const KEPT = `SELECT participant_id::text, instrument_id, instrument_version, scale, pre, post FROM participant_score WHERE study_id = $1 ORDER BY 1, 2, 3, 4`;

describe('participant_score follows the responses (the trigger the results read through)', () => {
  let app: TestApp;
  let owner: Owner;
  let studyId: string;
  const query = (sql: string, params: unknown[]) => app.db.dataSource.query(sql, params) as Promise<Array<Record<string, unknown>>>;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    const dataset = rDatasets()[0] as RDataset;
    studyId = (await studyFor(owner, dataset)).id;
    await storeDataset(app, studyId, dataset);
  });
  afterAll(() => app.close());

  it('holds exactly the submitted numeric scores, missing ones left out', async () => {
    const kept = await query(KEPT, [studyId]);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept).toEqual(await query(FROM_RESPONSES, [studyId]));
  });

  it('follows a changed score, a draft that is not submitted, a deleted response and a deleted participant', async () => {
    const [first] = await query(
      `SELECT id, participant_id FROM response WHERE study_id = $1 AND phase = 'post' AND submitted_at IS NOT NULL ORDER BY id LIMIT 1`,
      [studyId],
    );
    await query(`UPDATE response SET scores = '{"ios": 6.5}'::jsonb WHERE id = $1`, [first?.['id']]);
    expect(await query(KEPT, [studyId])).toEqual(await query(FROM_RESPONSES, [studyId]));
    await query(`UPDATE response SET submitted_at = NULL WHERE id = $1`, [first?.['id']]);
    expect(await query(KEPT, [studyId])).toEqual(await query(FROM_RESPONSES, [studyId]));
    await query(`DELETE FROM response WHERE participant_id = $1 AND phase = 'pre'`, [first?.['participant_id']]);
    const gone = await query(`SELECT count(*)::int AS n FROM participant_score WHERE participant_id = $1`, [first?.['participant_id']]);
    expect(gone[0]?.['n']).toBe(0);
    expect(await query(KEPT, [studyId])).toEqual(await query(FROM_RESPONSES, [studyId]));
    const [other] = await query(`SELECT participant_id FROM participant_score WHERE study_id = $1 LIMIT 1`, [studyId]);
    await query(`DELETE FROM response WHERE participant_id = $1`, [other?.['participant_id']]);
    await query(`DELETE FROM participant WHERE id = $1`, [other?.['participant_id']]);
    expect(await query(KEPT, [studyId])).toEqual(await query(FROM_RESPONSES, [studyId]));
  });
});
