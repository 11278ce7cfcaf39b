import request from 'supertest';
import type { StudyDesign } from '../../src/studies/study-design';
import { startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { allocatedSession, launchedStudy, type Phone, type StudyFixture } from './factories';

/** A wording fix and a different pre-survey: both allowed in an amendment, neither touches allocation. */
function amended(design: StudyDesign): StudyDesign {
  return {
    ...design,
    factors: design.factors.map((factor) => ({
      ...factor,
      levels: factor.levels.map((level, index) => ({ ...level, instructions: { en: `step ${index}: amended wording` } })),
    })),
    instruments: { ...design.instruments, pre: [{ id: 'closeness_check', version: 1 }] },
  };
}

async function bothReady(phones: Phone[]): Promise<void> {
  for (const phone of phones) await phone.confirm();
}

describe('a session runs the protocol version it was created under', () => {
  let app: TestApp;
  let owner: Owner;
  let study: StudyFixture;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    study = await launchedStudy(owner, { templateId: 'phone_topic' });
  });
  afterAll(() => app.close());

  it('keeps an allocated session on protocol v1 after an amendment; a new session gets v2', async () => {
    const before = await allocatedSession(app.http, owner, study.id);
    const beforeInstructions = (await before.phones[0]?.state())?.session?.instructions?.steps;
    await owner
      .call('post', `/api/studies/${study.id}/amendments`)
      .send({ design: amended(study.design), reason: 'clearer instructions, another pre-survey' })
      .expect(201);

    const [a] = before.phones as [Phone, Phone];
    expect((await a.state()).session?.instructions?.steps).toEqual(beforeInstructions);
    expect(beforeInstructions?.some((text) => text?.includes('amended'))).toBe(false);
    await bothReady(before.phones);
    const running = await a.state();
    expect(running.session).toMatchObject({ status: 'pre_survey', phase: 'pre', instruments: study.design.instruments.pre });
    // The phone answers the instruments it is shown, and the API accepts exactly those.
    await request(app.http)
      .put('/api/participant/answers/pre/i_panas_sf/panas_upset')
      .set('X-Participant-Token', a.token)
      .send({ value: 2 })
      .expect(200);

    const after = await allocatedSession(app.http, owner, study.id);
    const fresh = await after.phones[0]?.state();
    expect(fresh?.session?.instructions?.steps.length).toBeGreaterThan(0);
    expect(fresh?.session?.instructions?.steps.every((text) => text.endsWith('amended wording'))).toBe(true);
    await bothReady(after.phones);
    expect((await after.phones[0]?.state())?.session).toMatchObject({
      status: 'pre_survey',
      instruments: [{ id: 'closeness_check', version: 1 }],
    });
    const [row] = await app.db.dataSource.query('SELECT protocol_version FROM study_session WHERE id = $1', [after.session.id]);
    expect(row).toEqual({ protocol_version: 2 });
  });
});
