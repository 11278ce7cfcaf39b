import type { Schemas } from '@attune/api-client';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app.factory';
import { createLogger } from '../../src/common/logger';
import { blockBound, maxPrefixDeviation, type SequenceParams } from '../../src/randomisation/allocation-sequence';
import { verifyAllocations } from '../../src/randomisation/verify-allocations';
import { weightedConditions } from '../../src/studies/protocol-snapshot';
import { StudiesRepository } from '../../src/studies/studies.repository';
import { initApp, startTestApp, type TestApp } from '../support/app';
import { type Owner, ownerOf } from '../support/studies';
import { labSession, launchedStudy, seatSecret, type StudyFixture } from '../sessions/factories';
import { type Journey, crowdJourney } from '../support/crowd-journey';
import { runPool } from '../support/run-pool';

// Site is always a stratification factor: concurrent sessions at three sites of one study, over
// two API instances, must draw from separate sequences, each balanced and never double-allocated.
const LAB_PER_SITE = 12;
const ONLINE_PER_SITE = 16;
const CONCURRENCY = 30;
const ANSWERS = ['acquainted', 'strangers'] as const;

type Site = Schemas['SiteResponse'];

interface AllocationRow {
  session_id: string;
  stratum: string;
  sequence_index: number;
  condition_id: string;
  site_code: string;
  site_primary: boolean;
}

/** Lab dyads at every site (both members give the same answer) and online arrivals through each non-primary site's link, interleaved. */
async function journeys(owner: Owner, study: StudyFixture, sites: readonly Site[]): Promise<Journey[]> {
  const lab: Journey[] = [];
  for (const site of sites) {
    const sessions = await runPool(
      Array.from({ length: LAB_PER_SITE }, () => () => labSession(owner, study.id, site.id)),
      6,
    );
    sessions.forEach((session, i) =>
      lab.push(...[1, 2].map((seat) => ({ join: { seatSecret: seatSecret(session, seat) }, acquainted: ANSWERS[i % 2] as string }))),
    );
  }
  const online = sites
    .filter((site) => !site.isPrimary)
    .flatMap((site) =>
      Array.from({ length: ONLINE_PER_SITE }, (_, i): Journey => ({
        join: { studyCode: site.joinCode },
        acquainted: ANSWERS[i % 2] as string,
      })),
    );
  const mixed: Journey[] = [];
  for (let i = 0; i < Math.max(lab.length, online.length); i += 1)
    mixed.push(...[lab[i], online[i]].filter((j): j is Journey => j !== undefined));
  return mixed;
}

function expectedStratum(row: AllocationRow, answers: readonly string[]): string {
  const [a, b] = answers;
  const acquainted = a === b ? a : 'mixed';
  return row.site_primary ? `acquainted=${acquainted}` : `acquainted=${acquainted}|site=${row.site_code}`;
}

/** Per stratum: indices 0..n-1 with no gap, every prefix within the block bound, and the sequence regenerated from the seed. */
function checkStrata(params: Omit<SequenceParams, 'stratum'>, allocations: readonly AllocationRow[]): void {
  const strata = [...new Set(allocations.map((row) => row.stratum))].sort();
  for (const stratum of strata) {
    const rows = allocations.filter((row) => row.stratum === stratum);
    expect(rows.map((row) => row.sequence_index)).toEqual(rows.map((_, i) => i));
    expect(
      maxPrefixDeviation(
        params.conditions,
        rows.map((row) => row.condition_id),
      ),
    ).toBeLessThanOrEqual(blockBound({ ...params, stratum }) ?? 0);
  }
  const verification = verifyAllocations(
    params,
    allocations.map((row) => ({ stratum: row.stratum, sequenceIndex: row.sequence_index, conditionId: row.condition_id })),
  );
  expect(verification.map((s) => s.mismatches)).toEqual(strata.map(() => []));
}

describe('allocation by site under concurrency: 3 sites, 2 API instances, 1 database', () => {
  let app: TestApp;
  let second: INestApplication;
  let servers: TestApp['http'][];
  let owner: Owner;
  let study: StudyFixture;
  let sites: Site[];
  let requests = 0;
  const server = (): TestApp['http'] => servers[requests++ % 2] as TestApp['http'];

  const { run, answer } = crowdJourney(server);

  beforeAll(async () => {
    app = await startTestApp({ JOIN_RATE_LIMIT_MAX: '10000' });
    second = await createApp(app.config, createLogger('silent'));
    await initApp(second);
    servers = [app.http, second.getHttpServer() as TestApp['http']];
    owner = await ownerOf(app);
    study = await launchedStudy(owner, { templateId: 'phone_seating' });
    // Added while the study runs: a new site is a new set of strata, nothing else changes.
    for (const [code, country] of [
      ['essex', 'GB'],
      ['konstanz', 'DE'],
    ] as const) {
      await owner.call('post', `/api/studies/${study.id}/sites`).send({ code, name: code, country }).expect(201);
    }
    sites = (await owner.call('get', `/api/studies/${study.id}/sites`).expect(200)).body as Site[];
  });
  afterAll(async () => {
    await second.close();
    await app.close();
  });

  it("allocates every session once, from its own site's sequences, balanced within each, and pairs online only within a site", async () => {
    expect(sites.map((site) => site.code)).toEqual(['main', 'essex', 'konstanz']);
    const crowd = await journeys(owner, study, sites);
    const tokens = await runPool(
      crowd.map((journey) => () => run(journey)),
      CONCURRENCY,
    );
    const online = crowd.flatMap((journey, i) => ('studyCode' in journey.join ? [{ journey, token: tokens[i] as string }] : []));
    await runPool(
      online.map(
        ({ journey, token }) =>
          () =>
            answer(token, journey),
      ),
      CONCURRENCY,
    );

    const db = app.db.dataSource;
    const sessionCount = 3 * LAB_PER_SITE + 2 * (ONLINE_PER_SITE / 2);
    const unseated: Array<{ n: number }> = await db.query(
      'SELECT count(*)::int AS n FROM participant WHERE study_id = $1 AND session_id IS NULL',
      [study.id],
    );
    expect(unseated[0]?.n).toBe(0);
    // Online partners joined through the same site's link as each other, and their session is at that site.
    const crossed: Array<{ n: number }> = await db.query(
      'SELECT count(*)::int AS n FROM participant p JOIN study_session s ON s.id = p.session_id WHERE p.study_id = $1 AND p.site_id <> s.site_id',
      [study.id],
    );
    expect(crossed[0]?.n).toBe(0);

    const allocations: AllocationRow[] = await db.query(
      `SELECT a.session_id, a.stratum, a.sequence_index, a.condition_id, site.code AS site_code, site.is_primary AS site_primary
         FROM allocation a JOIN study_session s ON s.id = a.session_id JOIN study_site site ON site.id = s.site_id
        WHERE a.study_id = $1 ORDER BY a.stratum, a.sequence_index`,
      [study.id],
    );
    expect(allocations).toHaveLength(sessionCount);
    expect(new Set(allocations.map((row) => row.session_id)).size).toBe(sessionCount);
    const answers: Array<{ session_id: string; answers: string[] }> = await db.query(
      `SELECT session_id, array_agg(covariates->>'acquainted' ORDER BY seat_number) AS answers FROM participant WHERE study_id = $1 GROUP BY session_id`,
      [study.id],
    );
    const answersOf = new Map(answers.map((row) => [row.session_id, row.answers]));
    for (const row of allocations) expect(row.stratum).toBe(expectedStratum(row, answersOf.get(row.session_id) ?? []));
    // The primary site keeps the strata it had before sites existed; each other site has its own.
    expect(allocations.filter((row) => row.site_primary).every((row) => !row.stratum.includes('site='))).toBe(true);
    expect(
      new Set(allocations.filter((row) => !row.site_primary).map((row) => row.stratum.split('|').find((part) => part.startsWith('site=')))),
    ).toEqual(new Set(['site=essex', 'site=konstanz']));

    const seedHex = await app.app.get(StudiesRepository).findSeed(study.id);
    checkStrata(
      {
        seedHex: seedHex ?? '',
        scheme: study.design.randomisation.scheme,
        conditions: weightedConditions(study.design),
        blockMultipliers: study.design.randomisation.blockMultipliers,
      },
      allocations,
    );

    await owner.call('post', `/api/studies/${study.id}/close`).expect(200);
    const report = (await owner.call('get', `/api/studies/${study.id}/allocation-verification`).expect(200))
      .body as Schemas['VerificationResponse'];
    expect(report).toMatchObject({ matches: true, sessions: [] });
  });
});
