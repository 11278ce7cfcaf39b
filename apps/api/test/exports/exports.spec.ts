import { createHmac } from 'node:crypto';
import request from 'supertest';
import { launchedStudy, type StudyFixture } from '../sessions/factories';
import { startTestApp, type TestApp } from '../support/app';
import { accessToken, cookieHeader, createAccount, login } from '../support/auth';
import { type Owner, ownerOf } from '../support/studies';
import { type SeededSession, seedSessions, TRICKY } from './factories';
import { bearer, binary, type CodebookJson, parseCsv, type Row, typeProblems, unescape } from './support';

interface ResponseRow {
  participant_id: string;
  phase: string;
  instrument_id: string;
  instrument_version: number;
  answers: Record<string, unknown>;
  scores: Record<string, number | null>;
  check_results: Record<string, boolean> | null;
}

const pseudonym = (kind: 'p' | 's', id: string, secret: string): string =>
  `${kind}_${createHmac('sha256', secret).update(id).digest('hex').slice(0, 16)}`;

describe('GET /api/studies/:id/exports/:file', () => {
  let app: TestApp;
  let owner: Owner;
  let study: StudyFixture;
  let sessions: SeededSession[];
  let responses: ResponseRow[];
  let analyst: ReturnType<typeof bearer>;
  const secret = (): string => app.config.pseudonymSecret;
  const ownerGet = (path: string): request.Test => owner.call('get', path).buffer(true).parse(binary);
  const csv = async (file: string, query = ''): Promise<{ header: string[]; rows: Row[] }> =>
    parseCsv(((await analyst(`/api/studies/${study.id}/exports/${file}${query}`).expect(200)).body as Buffer).toString('utf8'));
  const codebook = async (query = ''): Promise<CodebookJson> =>
    JSON.parse(
      ((await analyst(`/api/studies/${study.id}/exports/codebook.json${query}`).expect(200)).body as Buffer).toString('utf8'),
    ) as CodebookJson;
  const columnsOf = (book: CodebookJson, file: string) => book.files.find((f) => f.file === file)?.columns ?? [];
  const byPseudonym = (): Map<string, string> =>
    new Map(sessions.flatMap((s) => s.members).map((id) => [pseudonym('p', id, secret()), id]));

  beforeAll(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    study = await launchedStudy(owner, { templateId: 'phone_topic' });
    await app.db.dataSource.query(`UPDATE study SET title = 'Phones & talk: "a" test' WHERE id = $1`, [study.id]);
    const [protocol] = (await app.db.dataSource.query(
      `SELECT canonical_json::jsonb -> 'instruments' AS instruments FROM protocol WHERE study_id = $1`,
      [study.id],
    )) as { instruments: { phase: 'pre' | 'post'; id: string; version: number }[] }[];
    sessions = await seedSessions(app, study.id, study.design, protocol?.instruments ?? []);
    responses = (await app.db.dataSource.query(
      `SELECT participant_id, phase, instrument_id, instrument_version, answers, scores, check_results FROM response WHERE study_id = $1`,
      [study.id],
    )) as ResponseRow[];
    const credentials = await createAccount(app);
    await owner.call('post', `/api/studies/${study.id}/members`).send({ email: credentials.email, role: 'analyst' }).expect(204);
    analyst = bearer(app, await accessToken(app, await login(app, credentials)));
  }, 60_000);

  afterAll(async () => {
    await app.close();
  });

  it('wide.csv: one row per member of an allocated session, answers, scores and checks equal to the database', async () => {
    const { header, rows } = await csv('wide.csv');
    const book = await codebook();
    expect(header).toEqual(columnsOf(book, 'wide.csv').map((c) => c.name));
    expect(rows).toHaveLength(7);
    // The seeded choice answers hold the tricky texts, which the API's validation would refuse
    // as answers; every other category cell must be one of its levels.
    const checked = columnsOf(book, 'wide.csv').map((c) => (/^post_(check_phone|attention)_/.test(c.name) ? { ...c, values: [] } : c));
    expect(typeProblems(checked, rows)).toEqual([]);
    const ids = byPseudonym();
    for (const row of rows) {
      const participantId = ids.get(row['participant'] ?? '') as string;
      const session = sessions.find((s) => s.members.includes(participantId)) as SeededSession;
      expect(row['session']).toBe(pseudonym('s', session.id, secret()));
      expect(row['condition']).toBe(session.conditionId);
      expect(row['session_incomplete']).toBe(session.complete ? '0' : '1');
      for (const response of responses.filter((r) => r.participant_id === participantId)) {
        const prefix = `${response.phase}_${response.instrument_id}`;
        expect(row[`${prefix}_version`]).toBe(String(response.instrument_version));
        for (const [item, value] of Object.entries(response.answers)) {
          if (Array.isArray(value)) continue;
          expect({
            [item]: typeof value === 'string' ? unescape(row[`${prefix}_${item}`] ?? '') : Number(row[`${prefix}_${item}`]),
          }).toEqual({ [item]: value });
        }
        for (const [scale, score] of Object.entries(response.scores))
          expect(row[`${prefix}_${scale}_score`]).toBe(score === null ? '' : String(score));
        for (const [item, passed] of Object.entries(response.check_results ?? {}))
          expect(row[`${prefix}_${item}_passed`]).toBe(passed ? '1' : '0');
      }
    }
  });

  it('carries commas, quotes, line breaks, emoji and formula-like text through RFC 4180, with the formula guard on text only', async () => {
    const { rows } = await csv('long.csv');
    const texts = rows.map((row) => row['value_text'] ?? '').filter((cell) => cell !== '');
    for (const tricky of TRICKY) expect(texts.map(unescape)).toContain(tricky);
    expect(texts.filter((cell) => /^[=+\-@\t\r\n]/.test(cell))).toEqual([]);
    expect(texts).toContain("'=SUM(1,2)");
    expect(texts).toContain("''apostrophe");
    const wide = await csv('wide.csv');
    expect(wide.rows.map((row) => unescape(row['stratum'] ?? ''))).toContain('=1+1, "strat"\n😀');
  });

  it('long.csv: one row per participant × phase × instrument × answer column, values equal to the database', async () => {
    const { rows } = await csv('long.csv');
    const book = await codebook();
    expect(typeProblems(columnsOf(book, 'long.csv'), rows)).toEqual([]);
    const ids = byPseudonym();
    let expected = 0;
    for (const response of responses) {
      const mine = rows.filter(
        (row) =>
          ids.get(row['participant'] ?? '') === response.participant_id &&
          row['phase'] === response.phase &&
          row['instrument'] === response.instrument_id,
      );
      for (const [item, value] of Object.entries(response.answers)) {
        if (Array.isArray(value)) {
          const options = mine.filter((row) => (row['item'] ?? '').startsWith(`${item}__`));
          expected += options.length;
          for (const row of options)
            expect(row['value']).toBe((value as string[]).includes((row['item'] ?? '').split('__')[1] ?? '') ? '1' : '0');
          continue;
        }
        expected += 1;
        const row = mine.find((candidate) => candidate['item'] === item);
        expect({ [item]: typeof value === 'string' ? unescape(row?.['value_text'] ?? '') : Number(row?.['value']) }).toEqual({
          [item]: value,
        });
      }
    }
    expect(rows).toHaveLength(expected);
  });

  it('scores.csv: one row per participant × phase × scale plus change = post − pre', async () => {
    const { rows } = await csv('scores.csv');
    expect(typeProblems(columnsOf(await codebook(), 'scores.csv'), rows)).toEqual([]);
    const ids = byPseudonym();
    const scored = responses.flatMap((r) => Object.entries(r.scores).map(([scale, score]) => ({ ...r, scale, score })));
    const changes = scored.filter(
      (pre) =>
        pre.phase === 'pre' &&
        scored.some(
          (post) =>
            post.phase === 'post' &&
            post.participant_id === pre.participant_id &&
            post.instrument_id === pre.instrument_id &&
            post.scale === pre.scale,
        ),
    );
    expect(rows).toHaveLength(scored.length + changes.length);
    for (const row of rows.filter((candidate) => candidate['phase'] !== 'change')) {
      const source = scored.find(
        (s) =>
          s.participant_id === ids.get(row['participant'] ?? '') &&
          s.phase === row['phase'] &&
          s.instrument_id === row['instrument'] &&
          s.scale === row['scale'],
      );
      expect(row['score']).toBe(source?.score === null ? '' : String(source?.score));
    }
    for (const row of rows.filter((candidate) => candidate['phase'] === 'change')) {
      const pick = (phase: string) =>
        scored.find(
          (s) =>
            s.participant_id === ids.get(row['participant'] ?? '') &&
            s.phase === phase &&
            s.instrument_id === row['instrument'] &&
            s.scale === row['scale'],
        )?.score;
      expect(Number(row['score'])).toBeCloseTo((pick('post') ?? Number.NaN) - (pick('pre') ?? Number.NaN), 10);
    }
  });

  it('pairwise.csv: every ordered pair of members, two rows for a dyad and six for a triad, actor and partner scores side by side', async () => {
    const { header, rows } = await csv('pairwise.csv');
    expect(typeProblems(columnsOf(await codebook(), 'pairwise.csv'), rows)).toEqual([]);
    const ids = byPseudonym();
    for (const session of sessions) {
      const mine = rows.filter((row) => row['session'] === pseudonym('s', session.id, secret()));
      expect(mine).toHaveLength(session.members.length * (session.members.length - 1));
      expect(new Set(mine.map((row) => `${row['participant_a']}>${row['participant_p']}`)).size).toBe(mine.length);
      for (const row of mine) {
        expect(row['participant_a']).not.toBe(row['participant_p']);
        expect(row['members']).toBe(String(session.members.length));
        for (const name of header.filter((h) => /^(pre|post)_.+_a$/.test(h))) {
          const [phase, ...rest] = name.slice(0, -2).split('_');
          const scoreOf = (who: string) => {
            const found = responses
              .filter((r) => r.participant_id === ids.get(who) && r.phase === phase)
              .flatMap((r) => Object.entries(r.scores).map(([scale, score]) => [`${r.instrument_id}_${scale}`, score] as const))
              .find(([key]) => key === rest.join('_'));
            return found?.[1] === null || found === undefined ? '' : String(found[1]);
          };
          expect({ [name]: row[name] }).toEqual({ [name]: scoreOf(row['participant_a'] ?? '') });
          expect({ [name]: row[`${name.slice(0, -2)}_p`] }).toEqual({ [name]: scoreOf(row['participant_p'] ?? '') });
        }
      }
    }
  });

  it('codebook: one row per column of every file, with types, values and the missing-value and withdrawal rules', async () => {
    const book = await codebook();
    const table = parseCsv(((await analyst(`/api/studies/${study.id}/exports/codebook.csv`).expect(200)).body as Buffer).toString('utf8'));
    for (const file of ['wide.csv', 'long.csv', 'scores.csv', 'pairwise.csv']) {
      const { header } = await csv(file);
      expect(table.rows.filter((row) => row['file'] === file).map((row) => row['name'])).toEqual(header);
    }
    expect(typeProblems(columnsOf(book, 'codebook.csv'), table.rows)).toEqual([]);
    expect(book.notes.join(' ')).toMatch(/empty cell is missing/);
    expect(book.notes.join(' ')).toMatch(/withdrew consent keeps their row .* empty/);
    const ios = columnsOf(book, 'wide.csv').find((c) => c.name === 'pre_ios_ios');
    expect(ios).toMatchObject({ type: 'integer', min: 1, max: 7 });
  });

  it('filters by incomplete sessions and protocol version; unknown files and versions are 404', async () => {
    expect((await csv('wide.csv', '?includeIncomplete=false')).rows).toHaveLength(5);
    expect((await csv('pairwise.csv', '?includeIncomplete=false&protocol=1')).rows).toHaveLength(2 + 6);
    await analyst(`/api/studies/${study.id}/exports/wide.csv?protocol=2`).expect(404);
    await analyst(`/api/studies/${study.id}/exports/secrets.csv`).expect(404);
    await analyst(`/api/studies/${study.id}/exports/wide.csv?protocol=x`).expect(400);
  });

  it('no direct identifiers by default; external ids only for an owner who asks, audited as such; every export audited with its rows', async () => {
    const wide = ((await analyst(`/api/studies/${study.id}/exports/wide.csv`).expect(200)).body as Buffer).toString('utf8');
    for (const id of sessions.flatMap((s) => [s.id, ...s.members])) expect(wide).not.toContain(id);
    expect(wide).not.toContain('prolific-');
    await analyst(`/api/studies/${study.id}/exports/wide.csv?externalIds=true`).expect(403);
    const identified = parseCsv(
      ((await ownerGet(`/api/studies/${study.id}/exports/wide.csv?externalIds=true`).expect(200)).body as Buffer).toString('utf8'),
    );
    expect(identified.rows.map((row) => row['external_prolific_pid']).sort()).toEqual(
      Array.from({ length: 7 }, (_, i) => `prolific-${i + 1}`).sort(),
    );
    const events = (await app.db.dataSource.query(
      `SELECT action, actor_id, data FROM audit_event WHERE study_id = $1 AND action LIKE 'export.%' ORDER BY id`,
      [study.id],
    )) as { action: string; data: { file: string; rows: Record<string, number>; completed: boolean; filter: { externalIds: boolean } } }[];
    expect(events.filter((e) => e.action === 'export.identified')).toHaveLength(1);
    expect(events.find((e) => e.action === 'export.identified')?.data).toMatchObject({
      file: 'wide.csv',
      rows: { 'wide.csv': 7 },
      completed: true,
      filter: { externalIds: true },
    });
    expect(events.filter((e) => e.action === 'export.download' && e.data.file === 'wide.csv').every((e) => e.data.completed)).toBe(true);
  });

  it('names the file after study, file, protocol version and hash, and date; needs a login', async () => {
    const res = await analyst(`/api/studies/${study.id}/exports/long.csv`).expect(200);
    const [protocol] = (await app.db.dataSource.query('SELECT hash FROM protocol WHERE study_id = $1', [study.id])) as { hash: string }[];
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="phones-talk-a-test_long_v1_${protocol?.hash.slice(0, 8)}_${today}.csv"`,
    );
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    await request(app.http).get(`/api/studies/${study.id}/exports/long.csv`).expect(401);
    const stranger = await login(app, await createAccount(app));
    await request(app.http).get(`/api/studies/${study.id}/exports/long.csv`).set('Cookie', cookieHeader(stranger.cookies)).expect(404);
  });
});
