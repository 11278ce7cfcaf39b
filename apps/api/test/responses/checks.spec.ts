import type { Schemas, TemplateId } from '@attune/api-client';
import { expectedCheckAnswer, getInstrument, type Instrument, type Item } from '@attune/survey';
import request from 'supertest';
import { conditionsOf } from '../../src/randomisation/design';
import { STUDY_TEMPLATES } from '../../src/studies/study-templates';
import type { StudyDesign } from '../../src/studies/study-design';
import { startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { allocatedSession, launchedStudy, type Phone } from '../sessions/factories';

/** A valid answer for every item; manipulation checks answered by `check` (the right or a wrong setting). */
function answerItem(item: Item, check: (item: Extract<Item, { kind: 'manipulation-check' }>) => string): unknown {
  switch (item.kind) {
    case 'likert':
      return item.min ?? 1;
    case 'ios':
      return 4;
    case 'slider':
      return 50;
    case 'numeric':
      return item.min;
    case 'single-choice':
      return item.options[0]?.value;
    case 'multi-choice':
      return [];
    case 'text':
      return 'fine';
    case 'attention-check':
      return item.expected;
    case 'manipulation-check':
      return check(item);
    case 'instruction':
      return undefined;
  }
}

function answersFor(
  instruments: readonly Instrument[],
  check: (item: Extract<Item, { kind: 'manipulation-check' }>) => string,
): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    instruments.map((instrument) => [
      instrument.id,
      Object.fromEntries(
        instrument.items.flatMap((item) => {
          const value = answerItem(item, check);
          return value === undefined ? [] : [[item.id, value]];
        }),
      ),
    ]),
  );
}

/** The setting of `probe` in the session's condition, from the template itself (what the research assistant placed). */
function settingIn(design: StudyDesign, conditionId: string, probe: string): string {
  for (const pair of conditionId.split('|')) {
    const [factorId, levelId] = pair.split('=');
    const setting = design.factors.find((factor) => factor.id === factorId)?.levels.find((level) => level.id === levelId)?.sets?.[probe];
    if (setting !== undefined) return setting;
  }
  throw new Error(`condition ${conditionId} sets no ${probe}`);
}

/** Another setting of the same probe (any other level's), for the wrong answer. */
function otherSetting(design: StudyDesign, probe: string, setting: string): string {
  const all = design.factors.flatMap((factor) =>
    factor.levels.flatMap((level) => (level.sets?.[probe] === undefined ? [] : [level.sets[probe] as string])),
  );
  const other = all.find((candidate) => candidate !== setting);
  if (!other) throw new Error(`no other setting of ${probe}`);
  return other;
}

async function toPostSurvey(app: TestApp, sessionId: string): Promise<void> {
  await app.db.dataSource.query(
    `UPDATE study_session SET status = 'post_survey', conversation_started_at = now() - interval '11 minutes', conversation_seconds = 600, conversation_ended_at = now() WHERE id = $1`,
    [sessionId],
  );
}

async function storedChecks(app: TestApp, participantId: string): Promise<Record<string, boolean | null>> {
  const rows: Array<{ check_results: Record<string, boolean | null> }> = await app.db.dataSource.query(
    `SELECT check_results FROM response WHERE participant_id = $1 AND phase = 'post' AND check_results IS NOT NULL`,
    [participantId],
  );
  return Object.assign({}, ...rows.map((row) => row.check_results));
}

describe('manipulation checks are scored against what each arm put on the table, for every template', () => {
  let app: TestApp;
  let owner: Owner;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
  });
  afterAll(() => app.close());

  // Every template a study can launch as it comes; 'blank' cannot until it is filled in (test/studies/draft-editing.spec.ts).
  for (const template of STUDY_TEMPLATES.filter((candidate) => candidate.id !== 'blank')) {
    it(`${template.id}: in every arm the right answer passes every check and the wrong one fails`, async () => {
      const study = await launchedStudy(owner, { templateId: template.id as TemplateId });
      const post = study.design.instruments.post.map((ref) => getInstrument(ref.id, ref.version) as Instrument);
      const arms = new Set(conditionsOf(study.design.factors).map((condition) => condition.id));
      const seen = new Set<string>();
      // Allocation is concealed and random: run sessions until every arm has been drawn (permuted blocks cover all arms quickly).
      for (let attempt = 0; attempt < 40 && seen.size < arms.size; attempt += 1) {
        const { session, phones } = await allocatedSession(app.http, owner, study.id);
        const detail = (await owner.call('get', `/api/studies/${study.id}/sessions/${session.id}`).expect(200))
          .body as Schemas['SessionDetailResponse'] & { conditionId: string };
        if (seen.has(detail.conditionId)) continue;
        seen.add(detail.conditionId);
        await toPostSurvey(app, session.id);
        const [right, wrong] = phones as [Phone, Phone];
        const truth = (item: { probe?: string }) =>
          expectedCheckAnswer(item as never, settingIn(study.design, detail.conditionId, item.probe ?? '')) ?? '';
        const lie = (item: { probe?: string }) => {
          const probe = item.probe ?? '';
          const expected = truth(item);
          const mistaken = expectedCheckAnswer(
            item as never,
            otherSetting(study.design, probe, settingIn(study.design, detail.conditionId, probe)),
          );
          return mistaken !== undefined && mistaken !== expected
            ? mistaken
            : ((item as { options: Array<{ value: string }> }).options.find(
                (option) => option.value !== expected && option.value !== 'not_sure',
              )?.value ?? '');
        };
        for (const [phone, check] of [
          [right, truth],
          [wrong, lie],
        ] as const) {
          await request(app.http)
            .post('/api/participant/phases/post/submit')
            .set('X-Participant-Token', phone.token)
            .set('Idempotency-Key', `k-${phone.participantId}`)
            .send({ answers: answersFor(post, check) })
            .expect(201);
        }
        const manipulationIds = post.flatMap((instrument) =>
          instrument.items.filter((item) => item.kind === 'manipulation-check').map((item) => item.id),
        );
        expect(manipulationIds.length).toBeGreaterThan(0);
        const passed = await storedChecks(app, right.participantId);
        const failed = await storedChecks(app, wrong.participantId);
        for (const id of manipulationIds) {
          expect([detail.conditionId, id, passed[id]]).toEqual([detail.conditionId, id, true]);
          expect([detail.conditionId, id, failed[id]]).toEqual([detail.conditionId, id, false]);
        }
      }
      expect([...seen].sort()).toEqual([...arms].sort());
      // The results report each manipulation check's pass rate per arm: one pass and one fail in each.
      const { checks } = (await owner.call('get', `/api/studies/${study.id}/results`).expect(200)).body as Schemas['StudyResultsResponse'];
      const manipulation = checks.filter((check) => check.kind === 'manipulation');
      expect(manipulation.length).toBeGreaterThan(0);
      for (const check of manipulation) {
        for (const rate of check.perCondition)
          expect([check.itemId, rate]).toEqual([
            check.itemId,
            { conditionId: rate.conditionId, passed: 1, failed: 1, unscored: 0, passRate: 0.5 },
          ]);
      }
    });
  }

  it('refuses to launch a design whose check cannot be scored in some arm (CHECK_NOT_SCORABLE)', async () => {
    const study = await launchedStudy(owner, {
      templateId: 'phone_topic',
      launch: false,
      edit: (design) => ({
        ...design,
        factors: design.factors.map((factor) =>
          factor.id === 'phone' ? { ...factor, levels: factor.levels.map(({ sets: _sets, ...level }) => level) } : factor,
        ),
      }),
    });
    const refused = await owner.call('post', `/api/studies/${study.id}/launch`).expect(400);
    expect(refused.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'CHECK_NOT_SCORABLE', path: expect.stringMatching(/^design\.instruments\.post\[\d+\]$/) }),
      ]),
    );
    const legacy = await launchedStudy(owner, {
      templateId: 'phone_topic',
      launch: false,
      edit: (design) => ({
        ...design,
        instruments: {
          ...design.instruments,
          post: [...design.instruments.post.filter((ref) => ref.id !== 'check_phone'), { id: 'check_phone', version: 1 }],
        },
      }),
    });
    const old = await owner.call('post', `/api/studies/${legacy.id}/launch`).expect(400);
    // check_phone v1 expects levels named present/absent; phone_topic's control level is "notebook".
    expect(old.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'CHECK_NOT_SCORABLE', message: expect.stringContaining('notebook') })]),
    );
  });
});
