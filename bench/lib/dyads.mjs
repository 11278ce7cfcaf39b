// Participants brought to the pre-survey through the real HTTP flow: a 'phone_topic' study,
// lab dyads, join → consent → covariates → instructions.
import { expectOk, inBatches, launchedStudy, researcher, seated } from './flows.mjs';

const PANAS = ['upset', 'hostile', 'alert', 'ashamed', 'inspired', 'nervous', 'determined', 'attentive', 'afraid', 'active'];

/** A complete, valid pre-survey answer set (I-PANAS-SF), varied by `i`. */
export function panasAnswers(i) {
  return { i_panas_sf: Object.fromEntries([['panas_instruction', null], ...PANAS.map((word, k) => [`panas_${word}`, ((i + k) % 5) + 1])]) };
}

/** Returns one call function per participant (see flows.participantCall), all in pre_survey. */
export async function dyadsInPreSurvey(platform, participants) {
  const call = await researcher(platform.apis[0], platform.credentials);
  // The pre-survey stays the I-PANAS-SF alone, as in every earlier run, so figures stay comparable
  // (the template now also asks IOS and state empathy before the conversation).
  const study = await launchedStudy(call, 'phone_topic', (design) => ({
    ...design,
    instruments: { ...design.instruments, pre: [{ id: 'i_panas_sf', version: 1 }] },
  }));
  const api = platform.apis[0];
  const dyads = await inBatches(
    Array.from({ length: Math.ceil(participants / 2) }, (_, i) => i),
    16,
    async () => {
      const session = await call('POST', `/api/studies/${study.id}/sessions`);
      const members = await Promise.all(session.seats.map((seat) => seated(api, seat.joinPath, study.design.consent.version)));
      for (const member of members)
        await expectOk(await member('POST', 'covariates', { values: { acquainted: 'strangers' } }), 'covariates');
      for (const member of members) await expectOk(await member('POST', 'instructions/confirm'), 'confirm');
      return members;
    },
  );
  const [row] = await platform.query(`SELECT count(*)::int AS n FROM study_session WHERE study_id = $1 AND status = 'pre_survey'`, [
    study.id,
  ]);
  if (row.n * 2 < participants) throw new Error(`only ${row.n} sessions reached the pre-survey`);
  return dyads.flat().slice(0, participants);
}
