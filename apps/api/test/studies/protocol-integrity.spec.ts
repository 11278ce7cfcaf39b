import type { Schemas } from '@attune/api-client';
import { getInstrument, instrumentHash } from '@attune/survey';
import { phaseInstruments } from '../../src/responses/phase-instruments';
import type { StudyDesign } from '../../src/studies/study-design';
import { startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { allocatedSession, join, labSession, launchedStudy, seatSecret } from '../sessions/factories';

/** jsonb hands objects back with their keys reordered; this reverses every object's key order to be sure. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, member]) => [key, reversedKeys(member)]),
  );
}

describe('protocol integrity: amendments, verification, one protocol per session', () => {
  let app: TestApp;
  let owner: Owner;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
  });
  afterAll(() => app.close());

  it('accepts an amendment whose allocation-defining parts differ only in key order, and refuses one that changes a stratifier', async () => {
    const study = await launchedStudy(owner, { templateId: 'phone_seating' });
    const amend = (design: unknown) => owner.call('post', `/api/studies/${study.id}/amendments`).send({ design, reason: 'wording' });
    await amend(
      reversedKeys({ ...study.design, conversation: { ...study.design.conversation, instructions: { en: 'Amended wording.' } } }),
    ).expect(201);
    const withLevels = (design: StudyDesign, levels: StudyDesign['covariates'][number]['levels']): StudyDesign => ({
      ...design,
      covariates: design.covariates.map((c) => (c.id === 'acquainted' ? { ...c, levels } : c)),
    });
    const moreLevels = await amend(
      withLevels(study.design, [
        ...(study.design.covariates[0]?.levels ?? []),
        { id: 'family', label: 'Family', text: { en: 'We are family' } },
      ]),
    ).expect(400);
    expect(moreLevels.body.errors).toEqual([expect.objectContaining({ code: 'CHANGES_ALLOCATION' })]);
    const observed: StudyDesign = {
      ...study.design,
      covariates: study.design.covariates.map((c) =>
        c.id === 'acquainted' ? { id: c.id, label: c.label, source: 'observed', levels: c.levels } : c,
      ),
    };
    expect((await amend(observed).expect(400)).body.errors).toEqual([expect.objectContaining({ code: 'CHANGES_ALLOCATION' })]);
  });

  it("verification recomputes each session's stratum from its members' answers and checks its condition against the allocation row", async () => {
    const study = await launchedStudy(owner, { templateId: 'phone_seating' });
    const first = await allocatedSession(app.http, owner, study.id, { acquainted: 'acquainted' });
    const second = await allocatedSession(app.http, owner, study.id, { acquainted: 'strangers' });
    await owner.call('post', `/api/studies/${study.id}/close`).expect(200);
    const verify = async () =>
      (await owner.call('get', `/api/studies/${study.id}/allocation-verification`).expect(200)).body as Schemas['VerificationResponse'];
    expect(await verify()).toMatchObject({ matches: true, sessions: [] });
    // A member's answer rewritten after allocation: the stored stratum no longer follows from the data.
    await app.db.dataSource.query(`UPDATE participant SET covariates = '{"acquainted":"strangers"}' WHERE id = $1`, [
      first.phones[0]?.participantId,
    ]);
    await app.db.dataSource.query(
      `UPDATE study_session SET condition_id = CASE WHEN condition_id = 'phone=present|seating=face_to_face' THEN 'phone=absent|seating=face_to_face' ELSE 'phone=present|seating=face_to_face' END WHERE id = $1`,
      [second.session.id],
    );
    const report = await verify();
    expect(report.matches).toBe(false);
    expect(report.sessions).toEqual(
      expect.arrayContaining([
        { sessionId: first.session.id, field: 'stratum', stored: 'acquainted=acquainted', expected: 'acquainted=mixed' },
        expect.objectContaining({ sessionId: second.session.id, field: 'condition' }),
      ]),
    );
  });

  it('a session created before an amendment keeps its own consent; one created after gets the new one', async () => {
    const study = await launchedStudy(owner, { templateId: 'phone_only' });
    const early = await labSession(owner, study.id);
    await owner
      .call('post', `/api/studies/${study.id}/amendments`)
      .send({ design: { ...study.design, consent: { version: '2', text: { en: 'Amended consent text.' } } }, reason: 'consent v2' })
      .expect(201);
    const old = await join(app.http, { seatSecret: seatSecret(early, 1) });
    expect((await old.state()).study.consent).toMatchObject({ version: '1' });
    await old.consent('1');
    const late = await labSession(owner, study.id);
    const fresh = await join(app.http, { seatSecret: seatSecret(late, 1) });
    expect((await fresh.state()).study.consent).toEqual({ version: '2', text: 'Amended consent text.' });
    expect((await fresh.call('post', 'consent').send({ consentVersion: '1', agree: true }).expect(409)).body.code).toBe('CONSENT_OUTDATED');
    await fresh.consent('2');
  });

  it('tells the phone the hash frozen for each instrument of its phase', async () => {
    const study = await launchedStudy(owner, { templateId: 'phone_topic' });
    const { phones } = await allocatedSession(app.http, owner, study.id);
    for (const phone of phones) await phone.confirm();
    const refs = ((await phones[0]?.state())?.session?.instruments ?? []) as Array<{ id: string; version: number; hash: string }>;
    expect(refs.map((ref) => ref.id)).toEqual(study.design.instruments.pre.map((ref) => ref.id));
    for (const ref of refs)
      expect(ref.hash).toBe(instrumentHash(getInstrument(ref.id, ref.version) as NonNullable<ReturnType<typeof getInstrument>>));
  });

  it('serves and scores an instrument only when it is the one frozen in the protocol', () => {
    const ios = getInstrument('ios', 2);
    if (!ios) throw new Error('ios v2 not shipped');
    const frozen = [{ phase: 'post', id: 'ios', version: 2, hash: instrumentHash(ios) }];
    expect(phaseInstruments(frozen, 'post')).toEqual([ios]);
    expect(() => phaseInstruments([{ ...frozen[0], hash: '0'.repeat(64) }], 'post')).toThrow(/differs from the one frozen/);
  });
});
