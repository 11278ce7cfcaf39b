import request from 'supertest';
import type { SessionStatus } from '../../src/sessions/session.entity';
import type { TestApp } from '../support/app';
import { unique } from '../support/fast-setup';

export {
  createSession,
  INSTRUMENTS,
  type SeatFixture,
  type SessionFixture,
  type SessionOptions,
  setSessionStatus,
  VALID_PRE,
} from '../support/fast-setup';

export async function sessionStatus(app: TestApp, sessionId: string): Promise<SessionStatus> {
  const rows: Array<{ status: SessionStatus }> = await app.db.dataSource.query('SELECT status FROM study_session WHERE id = $1', [
    sessionId,
  ]);
  return rows[0]?.status ?? 'abandoned';
}

export interface ResponseRow {
  readonly instrument_id: string;
  readonly instrument_version: number;
  readonly protocol_version: number;
  readonly consent_hash: string;
  readonly answers: Record<string, unknown>;
  readonly scores: Record<string, number | null> | null;
  readonly submitted_at: Date | null;
  readonly updated_at: Date;
}

export function responseRows(app: TestApp, participantId: string, phase: 'pre' | 'post'): Promise<ResponseRow[]> {
  return app.db.dataSource.query(
    `SELECT instrument_id, instrument_version, protocol_version, consent_hash, answers, scores, submitted_at, updated_at
       FROM response WHERE participant_id = $1 AND phase = $2 ORDER BY instrument_id`,
    [participantId, phase],
  );
}

export function submissionRows(
  app: TestApp,
  participantId: string,
): Promise<Array<{ phase: string; state: string; idempotency_key: string }>> {
  return app.db.dataSource.query('SELECT phase, state, idempotency_key FROM phase_submission WHERE participant_id = $1', [participantId]);
}

// HTTP helpers: the participant's phone.

export function putAnswer(app: TestApp, token: string, path: string, value: unknown): request.Test {
  return request(app.http).put(`/api/participant/answers/${path}`).set('X-Participant-Token', token).send({ value });
}

export function getAnswers(app: TestApp, token: string, phase: string): request.Test {
  return request(app.http).get(`/api/participant/answers/${phase}`).set('X-Participant-Token', token);
}

export function submitPhase(
  app: TestApp,
  token: string,
  phase: string,
  answers: unknown,
  key: string | null = unique('key-'),
): request.Test {
  const req = request(app.http).post(`/api/participant/phases/${phase}/submit`).set('X-Participant-Token', token);
  return (key === null ? req : req.set('Idempotency-Key', key)).send({ answers });
}

export function newKey(): string {
  return unique('key-');
}
