import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../../src/common/crypto/tokens';
import type { StudyDesign } from '../../src/studies/study-design';
import type { TestApp } from '../support/app';
import type { Owner } from '../support/studies';
import { launchedStudy } from '../sessions/factories';

/** One dataset drawn and analysed by libs/analysis/reference/generate-fixtures.R (R 4.2, car, effectsize). */
export interface RDataset {
  readonly id: number;
  readonly factors: ReadonlyArray<{ readonly id: string; readonly levels: readonly string[] }>;
  readonly individuals: ReadonlyArray<{
    readonly sessionId: string;
    readonly levels: Readonly<Record<string, string>>;
    readonly pre: number | null;
    readonly post: number | null;
  }>;
  readonly [figure: string]: unknown;
}

const FIXTURES = join(__dirname, '../../../../libs/analysis/reference/fixtures/datasets.json');

export function rDatasets(): RDataset[] {
  return (JSON.parse(readFileSync(FIXTURES, 'utf8')) as { datasets: RDataset[] }).datasets;
}

/** R names factors A, B, C; study ids are lowercase. */
export const idOf = (factor: string): string => factor.toLowerCase();

/** A launched study whose factors are the dataset's, measuring IOS before and after (no checks). */
export async function studyFor(owner: Owner, dataset: RDataset): Promise<{ id: string; design: StudyDesign }> {
  return launchedStudy(owner, {
    templateId: 'phone_only',
    edit: (design) => ({
      ...design,
      factors: dataset.factors.map((factor) => ({
        id: idOf(factor.id),
        label: factor.id,
        levels: factor.levels.map((level) => ({ id: level, label: level })),
      })),
      instruments: { pre: [{ id: 'ios', version: 2 }], post: [{ id: 'ios', version: 2 }] },
    }),
  });
}

/**
 * The dataset's sessions, members and pre/post scores as stored rows (complete sessions, submitted
 * responses under consent): what the results endpoint reads. A missing value is a stored null score.
 */
export async function storeDataset(app: TestApp, studyId: string, dataset: RDataset): Promise<void> {
  const db = app.db.dataSource;
  const sessions = [...new Set(dataset.individuals.map((row) => row.sessionId))];
  for (const [index, session] of sessions.entries()) {
    const members = dataset.individuals.filter((row) => row.sessionId === session);
    const first = members[0];
    if (!first) continue;
    const conditionId = dataset.factors.map((factor) => `${idOf(factor.id)}=${first.levels[factor.id] ?? ''}`).join('|');
    const [created] = (await db.query(
      `INSERT INTO study_session (study_id, mode, code, status, size, protocol_version, condition_id, stratum)
       VALUES ($1, 'lab', $2, 'complete', $3, 1, $4, '') RETURNING id`,
      [studyId, `R${dataset.id}X${index}${Date.now() % 100000}`, members.length, conditionId],
    )) as Array<{ id: string }>;
    for (const [seat, member] of members.entries()) {
      const consentHash = sha256Hex(`fixture consent ${seat}`);
      const [participant] = (await db.query(
        `INSERT INTO participant (study_id, session_id, seat_number, token_hash, status, consent_version, consent_hash, consented_at, covariates_at)
         VALUES ($1, $2, $3, $4, 'consented', '1', $5, now(), now()) RETURNING id`,
        [studyId, created?.id, seat + 1, sha256Hex(`${studyId}/${session}/${seat}`), consentHash],
      )) as Array<{ id: string }>;
      for (const phase of ['pre', 'post'] as const) {
        await db.query(
          `INSERT INTO response (study_id, session_id, participant_id, phase, instrument_id, instrument_version, protocol_version, consent_hash, answers, scores, submitted_at)
           VALUES ($1, $2, $3, $4, 'ios', 2, 1, $5, '{}'::jsonb, jsonb_build_object('ios', $6::float8), now())`,
          [studyId, created?.id, participant?.id, phase, consentHash, member[phase]],
        );
      }
    }
  }
}
