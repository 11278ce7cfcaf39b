import { BILINGUAL, bilingual, join as joinAs, must, participantState, seatSecret } from '@attune/api-client';
import { createHash } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/app';
import { baseUrlOf } from '../support/http-client';
import { type Owner, ownerOf } from '../support/studies';
import { auditActions, count, join, labSession, launchedStudy, type StudyFixture } from './factories';

// The post-survey: both instruments have German texts.
const IOS_AND_SCI = [
  { id: 'ios', version: 1 },
  { id: 'closeness_sci', version: 1 },
];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the participant language: chosen before consent, fixed from then on', () => {
  let app: TestApp;
  let owner: Owner;
  let study: StudyFixture;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    study = await launchedStudy(owner, { templateId: 'phone_only', edit: (design) => bilingual(design, IOS_AND_SCI) });
  });
  afterAll(() => app.close());

  // Through the typed client, as the phone calls it; the malformed bodies below need supertest, which the types would refuse.
  it('changes the language of the same participant, audited, and the consent agreed to is the text in it', async () => {
    const session = await labSession(owner, study.id);
    const phone = await joinAs(await baseUrlOf(app), { seatSecret: seatSecret(session, 1) });
    const choose = (language: string) =>
      phone.client.POST('/api/participant/language', { params: { header: phone.header }, body: { language } });
    expect((await participantState(phone)).participant.language).toBe('en');

    expect((await choose('de')).response.status).toBe(204);
    const state = await participantState(phone);
    expect(state.participant).toMatchObject({ id: phone.participantId, language: 'de', seatNumber: 1 });
    expect(state.study.consent.text).toBe(BILINGUAL.consent.de);
    // One participant in the seat, none left behind: a language change is not a dropout.
    expect(await count(app, `SELECT count(*)::int AS n FROM participant WHERE study_id = $1`, [study.id])).toBe(1);
    expect(await auditActions(app, phone.participantId)).toEqual(['participant.joined', 'participant.language_chosen']);
    const [event] = await app.db.dataSource.query(
      `SELECT data FROM audit_event WHERE subject_id = $1 AND action = 'participant.language_chosen'`,
      [phone.participantId],
    );
    expect(event.data).toEqual({ from: 'en', to: 'de' });

    // The same language again changes nothing and writes no audit row.
    expect((await choose('de')).response.status).toBe(204);
    expect(await auditActions(app, phone.participantId)).toHaveLength(2);

    await must(
      phone.client.POST('/api/participant/consent', { params: { header: phone.header }, body: { consentVersion: '1', agree: true } }),
      'consent',
    );
    const [row] = await app.db.dataSource.query('SELECT language, consent_hash FROM participant WHERE id = $1', [phone.participantId]);
    expect(row).toEqual({ language: 'de', consent_hash: sha256(BILINGUAL.consent.de) });
    const locked = await choose('en');
    expect(locked.response.status).toBe(409);
    expect(locked.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(locked.error?.code).toBe('LANGUAGE_LOCKED');
    expect((await participantState(phone)).participant.language).toBe('de');
  });

  it('refuses a language the study is not offered in, a malformed one, and a participant who left', async () => {
    const session = await labSession(owner, study.id);
    const phone = await join(app.http, { seatSecret: seatSecret(session, 1) });
    const unknown = await phone.call('post', 'language').send({ language: 'fr' }).expect(400);
    expect(unknown.body).toMatchObject({
      code: 'UNKNOWN_LANGUAGE',
      errors: [expect.objectContaining({ path: 'language', code: 'UNKNOWN_LANGUAGE' })],
    });
    const malformed = await phone.call('post', 'language').send({ language: 'Deutsch!' }).expect(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ path: 'language' })]);
    const missing = await phone.call('post', 'language').send({}).expect(400);
    expect(missing.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'language' })]));
    const extra = await phone.call('post', 'language').send({ language: 'de', seat: 2 }).expect(400);
    expect(extra.body.errors).toEqual([expect.objectContaining({ path: 'seat', code: 'UNKNOWN_FIELD' })]);
    expect((await phone.state()).participant.language).toBe('en');

    await phone.leave();
    expect((await phone.call('post', 'language').send({ language: 'de' }).expect(409)).body.code).toBe('PARTICIPANT_LEFT');
  });
});
