import type { Schemas } from '@attune/api-client';
import { startTestApp, type TestApp } from '../support/app';
import { createAccount, login } from '../support/auth';
import { createStudy, type Owner, ownerFor, ownerOf } from '../support/studies';

type Study = Schemas['StudyResponse'];

/** A second owner of the same study, signed in separately: the other browser. */
async function coOwner(app: TestApp, owner: Owner, studyId: string): Promise<{ owner: Owner; email: string }> {
  const credentials = await createAccount(app);
  await owner.call('post', `/api/studies/${studyId}/members`).send({ email: credentials.email, role: 'owner' }).expect(204);
  return { email: credentials.email, owner: await ownerFor(app, await login(app, credentials)) };
}

describe('editing a draft: revisions, conflicts and the launch check', () => {
  let app: TestApp;
  let owner: Owner;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
  });
  afterAll(() => app.close());

  it('a new draft is revision 1, GET and PUT carry it as the ETag, and each saved edit adds one', async () => {
    const id = await createStudy(owner);
    const first = await owner.call('get', `/api/studies/${id}`).expect(200);
    expect(first.body.revision).toBe(1);
    expect(first.headers.etag).toBe('"1"');
    const saved = await owner.call('put', `/api/studies/${id}`).set('If-Match', '"1"').send({ title: 'Renamed' }).expect(200);
    expect(saved.body).toMatchObject({ revision: 2, title: 'Renamed' });
    expect(saved.headers.etag).toBe('"2"');
  });

  it('an edit that changes nothing keeps the revision (autosave may repeat itself)', async () => {
    const id = await createStudy(owner);
    const study = (await owner.call('get', `/api/studies/${id}`).expect(200)).body as Study;
    const again = await owner
      .call('put', `/api/studies/${id}`)
      .set('If-Match', '"1"')
      .send({ title: study.title, design: study.design })
      .expect(200);
    expect(again.body.revision).toBe(1);
  });

  it('a stale If-Match gets 409 EDIT_CONFLICT naming who changed which parts since, and saves nothing', async () => {
    const id = await createStudy(owner);
    const other = await coOwner(app, owner, id);
    const study = (await owner.call('get', `/api/studies/${id}`).expect(200)).body as Study;
    const conversation = { ...study.design.conversation, durationSeconds: 480 };
    await other.owner
      .call('put', `/api/studies/${id}`)
      .set('If-Match', '"1"')
      .send({ design: { ...study.design, conversation } })
      .expect(200);
    await other.owner.call('put', `/api/studies/${id}`).set('If-Match', '"2"').send({ title: 'Their title' }).expect(200);

    const refused = await owner.call('put', `/api/studies/${id}`).set('If-Match', '"1"').send({ description: 'Mine' }).expect(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      code: 'EDIT_CONFLICT',
      conflict: { revision: 3, changedBy: other.email, parts: ['design.conversation', 'title'] },
    });
    expect(Date.parse(refused.body.conflict.changedAt)).not.toBeNaN();
    const after = (await owner.call('get', `/api/studies/${id}`).expect(200)).body as Study;
    expect(after).toMatchObject({ revision: 3, title: 'Their title' });
    expect(after.description).not.toBe('Mine');
  });

  it('two editors racing from the same revision: exactly one save wins, the other gets the conflict', async () => {
    const id = await createStudy(owner);
    const other = await coOwner(app, owner, id);
    const [a, b] = await Promise.all([
      owner.call('put', `/api/studies/${id}`).set('If-Match', '"1"').send({ title: 'From A' }),
      other.owner.call('put', `/api/studies/${id}`).set('If-Match', '"1"').send({ title: 'From B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'From A' : 'From B';
    expect((await owner.call('get', `/api/studies/${id}`).expect(200)).body).toMatchObject({ revision: 2, title: winner });
  });

  it('without If-Match the last write wins (API scripts), and a malformed If-Match is 400 naming the header', async () => {
    const id = await createStudy(owner);
    await owner.call('put', `/api/studies/${id}`).send({ title: 'One' }).expect(200);
    await owner.call('put', `/api/studies/${id}`).send({ title: 'Two' }).expect(200);
    const bad = await owner.call('put', `/api/studies/${id}`).set('If-Match', 'yesterday').send({ title: 'Three' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'If-Match', code: 'INVALID_REVISION' })]);
    expect((await owner.call('get', `/api/studies/${id}`).expect(200)).body).toMatchObject({ title: 'Two', revision: 3 });
  });

  it('design-problems lists what launch refuses, with the same paths, and empties once fixed', async () => {
    const id = await createStudy(owner);
    const study = (await owner.call('get', `/api/studies/${id}`).expect(200)).body as Study;
    expect((await owner.call('get', `/api/studies/${id}/design-problems`).expect(200)).body.problems).toEqual([]);
    await owner
      .call('put', `/api/studies/${id}`)
      .send({ design: { ...study.design, languages: ['en', 'de'] } })
      .expect(200);
    const listed = (await owner.call('get', `/api/studies/${id}/design-problems`).expect(200)).body.problems as Array<{
      path: string;
      code: string;
    }>;
    const launch = await owner.call('post', `/api/studies/${id}/launch`).expect(400);
    expect(listed).toEqual(launch.body.errors);
    expect(listed).toContainEqual(expect.objectContaining({ path: 'design.consent.text.de', code: 'MISSING_TRANSLATION' }));
  });

  it("design-check: for a draft, launch's problems in an unsaved design; after launch, an allocation change is named", async () => {
    const id = await createStudy(owner);
    const study = (await owner.call('get', `/api/studies/${id}`).expect(200)).body as Study;
    const checked = await owner
      .call('post', `/api/studies/${id}/design-check`)
      .send({ design: { ...study.design, languages: ['en', 'fr'] } })
      .expect(200);
    expect(checked.body.problems).toContainEqual(
      expect.objectContaining({ path: 'design.conversation.instructions.fr', code: 'MISSING_TRANSLATION' }),
    );
    expect((await owner.call('get', `/api/studies/${id}`).expect(200)).body.revision).toBe(1);

    await owner.call('post', `/api/studies/${id}/launch`).expect(200);
    const textOnly = {
      ...study.design,
      conversation: { ...study.design.conversation, instructions: { en: 'Talk until the time is up.' } },
    };
    expect((await owner.call('post', `/api/studies/${id}/design-check`).send({ design: textOnly }).expect(200)).body.problems).toEqual([]);
    const resized = await owner
      .call('post', `/api/studies/${id}/design-check`)
      .send({ design: { ...textOnly, sessionSize: 3 } })
      .expect(200);
    expect(resized.body.problems).toEqual([expect.objectContaining({ path: 'design', code: 'CHANGES_ALLOCATION' })]);
  });

  it('templates say what they replicate and how they deviate; "blank" starts from scratch and launch lists what is missing', async () => {
    const templates = (await owner.call('get', '/api/studies/templates').expect(200)).body as Schemas['TemplateResponse'][];
    expect(templates.find((t) => t.id === 'phone_topic')).toMatchObject({ replicates: expect.stringContaining('Przybylski') });
    expect(templates.find((t) => t.id === 'phone_topic')?.deviations.length).toBeGreaterThan(2);
    expect(templates.find((t) => t.id === 'blank')).toMatchObject({ replicates: null, deviations: [] });
    const id = await createStudy(owner, { templateId: 'blank' });
    const study = (await owner.call('get', `/api/studies/${id}`).expect(200)).body as Study;
    await owner
      .call('put', `/api/studies/${id}`)
      .set('If-Match', '"1"')
      .send({ design: { ...study.design, sessionSize: 2 } })
      .expect(200);
    const problems = (
      (await owner.call('get', `/api/studies/${id}/design-problems`).expect(200)).body.problems as Array<{ path: string }>
    ).map((p) => p.path);
    expect(problems).toEqual(
      expect.arrayContaining(['design.instruments.post', 'design.consent.text.en', 'design.conversation.instructions.en']),
    );
  });
});
