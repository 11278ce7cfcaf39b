import type { Schemas, TemplateId } from '@attune/api-client';
import { startTestApp, type TestApp } from '../support/app';
import { createStudy, type Owner, ownerOf } from '../support/studies';

type ProtocolFile = Schemas['ProtocolFileDto'];
type Protocol = Schemas['ProtocolResponse'];

// Two installations, each with its own database: the coordinating lab and a second site.
describe('protocol files: one protocol, many installations', () => {
  let home: TestApp;
  let site: TestApp;
  let coordinator: Owner;
  let siteOwner: Owner;

  beforeAll(async () => {
    [home, site] = await Promise.all([startTestApp(), startTestApp()]);
    [coordinator, siteOwner] = await Promise.all([ownerOf(home), ownerOf(site)]);
  });
  afterAll(() => Promise.all([home.close(), site.close()]));

  async function exported(templateId: TemplateId = 'phone_topic'): Promise<{ studyId: string; file: ProtocolFile; protocol: Protocol }> {
    const studyId = await createStudy(coordinator, { templateId, launch: true });
    const res = await coordinator.call('get', `/api/studies/${studyId}/protocol-file`).expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="attune-protocol-[0-9a-f]{8}-v1\.json"$/);
    const [protocol] = (await coordinator.call('get', `/api/studies/${studyId}/protocols`).expect(200)).body as Protocol[];
    return { studyId, file: res.body as ProtocolFile, protocol: protocol as Protocol };
  }

  it('a second installation imports the file as a draft whose launched protocol has the identical design hash and its own seed', async () => {
    const { file, protocol } = await exported();
    expect(file).toMatchObject({
      format: 'attune.protocol-file.v1',
      protocol: protocol.canonicalJson,
      sha256: protocol.hash,
      designHash: protocol.designHash,
    });

    const imported = (await siteOwner.call('post', '/api/studies/import').send({ file, title: 'Phone × topic, Essex site' }).expect(201))
      .body as Schemas['StudyResponse'];
    expect(imported).toMatchObject({ status: 'draft', title: 'Phone × topic, Essex site' });
    expect(imported.description).toContain(protocol.designHash);
    const launched = (await siteOwner.call('post', `/api/studies/${imported.id}/launch`).expect(200)).body as Schemas['StudyResponse'];
    const [copy] = (await siteOwner.call('get', `/api/studies/${imported.id}/protocols`).expect(200)).body as Protocol[];
    expect(copy?.designHash).toBe(protocol.designHash);
    // Different study, title and seed: the protocols' own hashes differ, the design hash does not.
    expect(copy?.hash).not.toBe(protocol.hash);
    expect(launched.seedCommitment).not.toBe(JSON.parse(protocol.canonicalJson).allocationSeedCommitment.value);
  });

  it('a design hash changes with anything that changes what is run (here, the conversation time)', async () => {
    const a = await exported('phone_only');
    const id = await createStudy(coordinator, { templateId: 'phone_only' });
    const study = (await coordinator.call('get', `/api/studies/${id}`).expect(200)).body as Schemas['StudyResponse'];
    await coordinator
      .call('put', `/api/studies/${id}`)
      .send({ design: { ...study.design, conversation: { ...study.design.conversation, durationSeconds: 300 } } })
      .expect(200);
    await coordinator.call('post', `/api/studies/${id}/launch`).expect(200);
    const [b] = (await coordinator.call('get', `/api/studies/${id}/protocols`).expect(200)).body as Protocol[];
    expect(b?.designHash).not.toBe(a.protocol.designHash);
  });

  it('refuses a file whose text was changed, naming the hash; nothing is created', async () => {
    const { file } = await exported();
    const tampered = { ...file, protocol: file.protocol.replace('"durationSeconds":600', '"durationSeconds":60') };
    expect(tampered.protocol).not.toBe(file.protocol);
    const before = (await siteOwner.call('get', '/api/studies').expect(200)).body.length;
    const res = await siteOwner.call('post', '/api/studies/import').send({ file: tampered }).expect(400);
    expect(res.body).toMatchObject({
      code: 'INVALID_PROTOCOL_FILE',
      errors: [expect.objectContaining({ path: 'file.sha256', code: 'HASH_MISMATCH' })],
    });
    expect((await siteOwner.call('get', '/api/studies').expect(200)).body.length).toBe(before);
  });

  it("refuses a protocol whose instruments differ from this installation's (same id and version, other texts)", async () => {
    const { file } = await exported();
    const document = JSON.parse(file.protocol) as { instruments: Array<{ hash: string }> };
    document.instruments[0] = { ...document.instruments[0], hash: '0'.repeat(64) } as { hash: string };
    const { createHash } = await import('node:crypto');
    const protocol = JSON.stringify(document);
    const altered = { ...file, protocol, sha256: createHash('sha256').update(protocol).digest('hex') };
    const res = await siteOwner.call('post', '/api/studies/import').send({ file: altered }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'file.protocol.instruments[0]', code: 'INSTRUMENT_MISMATCH' })]);
  });

  it('a draft has no protocol file (409); only owners download one', async () => {
    const draft = await createStudy(coordinator);
    expect((await coordinator.call('get', `/api/studies/${draft}/protocol-file`).expect(409)).body.code).toBe('NOT_LAUNCHED');
    const { studyId } = await exported();
    expect((await coordinator.call('get', `/api/studies/${studyId}/protocol-file?version=2`).expect(404)).body.code).toBe(
      'PROTOCOL_NOT_FOUND',
    );
  });
});
