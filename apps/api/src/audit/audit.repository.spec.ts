import type { DataSource, EntityManager } from 'typeorm';
import { AuditRepository, SYSTEM_ACTOR, userActor } from './audit.repository';

// The helpers only shape the row; the INSERT's parameters show what each event stores.
function recorder() {
  const rows: unknown[][] = [];
  const manager = { query: (_sql: string, params: unknown[]) => Promise.resolve(rows.push(params)) } as unknown as EntityManager;
  const audit = new AuditRepository({ manager } as unknown as DataSource);
  return { audit, rows };
}

const STUDY = '6f1c2d3e-0000-4000-8000-000000000001';

describe('the audit helpers', () => {
  it('audit.participant: the participant is the subject, and the actor unless `by` names another', async () => {
    const { audit, rows } = recorder();
    const participant = { id: 'p1', studyId: STUDY };
    await audit.participant('participant.declined', { participant, data: { sessionId: null } });
    await audit.participant('participant.seated', { participant, by: SYSTEM_ACTOR, data: { sessionId: 's1', seatNumber: 2 } });
    expect(rows).toEqual([
      ['participant', 'p1', 'participant.declined', STUDY, 'participant', 'p1', '{"sessionId":null}'],
      ['system', null, 'participant.seated', STUDY, 'participant', 'p1', '{"sessionId":"s1","seatNumber":2}'],
    ]);
  });

  it('audit.study: about the study itself, or about a subject in it; no data is stored as {}', async () => {
    const { audit, rows } = recorder();
    await audit.study('study.paused', { studyId: STUDY, by: userActor('u1') });
    await audit.study('session.seat_link_reissued', {
      studyId: STUDY,
      by: userActor('u1'),
      subject: ['session', 's1'],
      data: { seatNumber: 1 },
    });
    expect(rows).toEqual([
      ['user', 'u1', 'study.paused', STUDY, null, null, '{}'],
      ['user', 'u1', 'session.seat_link_reissued', STUDY, 'session', 's1', '{"seatNumber":1}'],
    ]);
  });

  it('audit.account: outside any study', async () => {
    const { audit, rows } = recorder();
    await audit.account('access_token.revoked', { by: userActor('u1'), subject: ['access_token', 't1'] });
    expect(rows).toEqual([['user', 'u1', 'access_token.revoked', null, 'access_token', 't1', '{}']]);
  });

  it('names every event from the catalogue, with its data shape (checked by tsc, not at run time)', async () => {
    const { audit } = recorder();
    const by = userActor('u1');
    // @ts-expect-error a misspelt action is not in the catalogue
    await audit.study('study.lanched', { studyId: STUDY, by });
    // @ts-expect-error site.created carries the site's code
    await audit.study('site.created', { studyId: STUDY, by, subject: ['site', 's1'] });
    // @ts-expect-error a participant event is written with audit.participant
    await audit.study('participant.declined', { studyId: STUDY, by, data: { sessionId: null } });
    // @ts-expect-error append takes only catalogued actions
    await audit.append({ ...by, action: 'study.renamed', studyId: STUDY });
  });
});
