import type { Schemas } from '@attune/api-client';
import { randomUUID } from 'node:crypto';
import { withdrawalCode } from '../../src/participants/withdrawal-code';
import { startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { auditActions, type Phone } from '../sessions/factories';
import { finishedSession, rows, withdraw, withdrawalStudy } from './support';

function codeOf(state: { withdrawal: { code: string } | null }): string {
  if (!state.withdrawal) throw new Error('no withdrawal code on the completion screen');
  return state.withdrawal.code;
}

/** A well-formed code (right check character) that no participant was shown. */
function strangerCode(app: TestApp): string {
  return withdrawalCode(app.config.pseudonymSecret, randomUUID());
}

describe('withdrawal by code', () => {
  let app: TestApp;
  let owner: Owner;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
  });
  afterAll(() => app.close());

  it("shows a stable code with the period on the completion screen, and withdrawing deletes only that member's answers", async () => {
    const study = await withdrawalStudy(owner);
    const { session, phones } = await finishedSession(app, owner, study);
    const [a, b] = phones as [Phone, Phone];
    const state = await a.state();
    expect(state.completion).not.toBeNull();
    expect(state.withdrawal).toEqual({
      code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      daysAfterClose: 30,
      deadline: null,
    });
    expect((await a.state()).withdrawal?.code).toBe(codeOf(state));
    expect(codeOf(await b.state())).not.toBe(codeOf(state));

    // Typed sloppily: lower case, spaces, an O for a zero still finds it.
    const typed = codeOf(state).toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    expect((await withdraw(app, typed).expect(200)).body).toEqual({ received: true });

    const [member] = await rows<{ status: string; withdrawn_at: Date | null; covariates: Record<string, string> }>(
      app,
      'SELECT status, withdrawn_at, covariates FROM participant WHERE id = $1',
      [a.participantId],
    );
    expect(member).toMatchObject({ status: 'withdrawn', covariates: {} });
    expect(member?.withdrawn_at).not.toBeNull();
    expect(await rows(app, 'SELECT id FROM response WHERE participant_id = $1', [a.participantId])).toEqual([]);
    expect((await rows(app, 'SELECT id FROM response WHERE participant_id = $1', [b.participantId])).length).toBe(3);
    const [flag] = await rows<{ withdrawn_member: boolean; condition_id: string }>(
      app,
      'SELECT withdrawn_member, condition_id FROM study_session WHERE id = $1',
      [session.id],
    );
    expect(flag).toMatchObject({ withdrawn_member: true, condition_id: expect.any(String) });
    expect((await rows(app, 'SELECT id FROM allocation WHERE session_id = $1', [session.id])).length).toBe(1);

    expect(await auditActions(app, a.participantId)).toContain('participant.withdrawn');
    const [event] = await rows<{ data: Record<string, unknown> }>(
      app,
      `SELECT data FROM audit_event WHERE action = 'participant.withdrawn' AND subject_id = $1`,
      [a.participantId],
    );
    expect(JSON.stringify(event?.data)).not.toMatch(/call me|0123|about phones/);

    // The withdrawn phone's token no longer works; the partner's does.
    expect((await a.call('get', 'state').expect(410)).body.code).toBe('PARTICIPANT_WITHDRAWN');
    await b.state();
  });

  it('answers a wrong code, a right code and a second use of it alike', async () => {
    const study = await withdrawalStudy(owner);
    const { phones } = await finishedSession(app, owner, study);
    const code = codeOf(await (phones[0] as Phone).state());
    const timed = async (typed: string) => {
      const started = Date.now();
      const res = await withdraw(app, typed, '203.0.113.20').expect(200);
      return { body: res.body as Schemas['WithdrawalReceipt'], ms: Date.now() - started };
    };
    const wrong = await timed(strangerCode(app));
    const right = await timed(code);
    const again = await timed(code);
    expect(wrong.body).toEqual(right.body);
    expect(again.body).toEqual(right.body);
    for (const answer of [wrong, right, again]) expect(answer.ms).toBeGreaterThanOrEqual(390);
    expect(
      await rows(app, `SELECT id FROM audit_event WHERE action = 'participant.withdrawn' AND subject_id = $1`, [
        (phones[0] as Phone).participantId,
      ]),
    ).toHaveLength(1);
    expect(
      (await rows<{ status: string }>(app, 'SELECT status FROM participant WHERE id = $1', [(phones[1] as Phone).participantId]))[0]
        ?.status,
    ).toBe('consented');
  });

  it('a mistyped code is named as mistyped (400 on the field), before anything is looked up', async () => {
    const res = await withdraw(app, 'ABCD-EFGH-JKMZ', '203.0.113.30').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'WITHDRAWAL_CODE_MALFORMED', errors: [{ path: 'code' }] });
    expect((await withdraw(app, '', '203.0.113.30').expect(400)).body.code).toBe('WITHDRAWAL_CODE_MALFORMED');
  });

  it('limits tries per client address (429 with Retry-After): every try counts, well-formed or not', async () => {
    const limit = app.config.withdrawalRateLimit.max;
    for (let i = 0; i < limit; i += 1) await withdraw(app, 'ABCD-EFGH-JKMZ', '203.0.113.40').expect(400);
    const limited = await withdraw(app, 'ABCD-EFGH-JKMZ', '203.0.113.40').expect(429);
    expect(limited.headers['retry-after']).toBeDefined();
    await withdraw(app, 'ABCD-EFGH-JKMZ', '203.0.113.41').expect(400);
  });

  it('after the deadline, refuses with a message naming the date and deletes nothing', async () => {
    const study = await withdrawalStudy(owner, 7);
    const { phones } = await finishedSession(app, owner, study);
    const code = codeOf(await (phones[0] as Phone).state());
    await owner.call('post', `/api/studies/${study.id}/close`).expect(200);
    const closedAt = new Date(Date.now() - 8 * 86_400_000);
    await app.db.dataSource.query('UPDATE study SET seed_revealed_at = $2 WHERE id = $1', [study.id, closedAt]);
    const deadline = new Date(closedAt.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    const res = await withdraw(app, code, '203.0.113.50').expect(409);
    expect(res.body).toMatchObject({ code: 'WITHDRAWAL_DEADLINE_PASSED', detail: expect.stringContaining(deadline) });
    expect((await rows(app, 'SELECT id FROM response WHERE participant_id = $1', [(phones[0] as Phone).participantId])).length).toBe(3);

    // Within the period the completion screen names the deadline, and withdrawal works.
    await app.db.dataSource.query(`UPDATE study SET seed_revealed_at = now() - interval '6 days' WHERE id = $1`, [study.id]);
    expect(Date.parse((await (phones[1] as Phone).state()).withdrawal?.deadline ?? '')).toBeGreaterThan(Date.now());
    await withdraw(app, code, '203.0.113.50').expect(200);
    expect((await rows(app, 'SELECT id FROM response WHERE participant_id = $1', [(phones[0] as Phone).participantId])).length).toBe(0);
  });
});
