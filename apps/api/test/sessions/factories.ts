import request from 'supertest';
import type { StudyDesign } from '../../src/studies/study-design';
import type { TestApp } from '../support/app';
import type { Owner } from '../support/studies';

type Http = TestApp['http'];

export interface StudyFixture {
  readonly id: string;
  readonly joinCode: string;
  readonly design: StudyDesign;
}

export interface LabSessionFixture {
  readonly id: string;
  readonly code: string;
  readonly size: number;
  readonly seats: ReadonlyArray<{ readonly seatNumber: number; readonly joinPath: string }>;
}

/** A study created through the API from a template, its design optionally edited while a draft, then launched. */
export async function launchedStudy(
  owner: Owner,
  options: { templateId?: string; edit?: (design: StudyDesign) => StudyDesign; launch?: boolean } = {},
): Promise<StudyFixture> {
  const created = await owner
    .call('post', '/api/studies')
    .send({ title: 'Sessions test study', templateId: options.templateId ?? 'phone_topic' })
    .expect(201);
  const id = (created.body as { id: string }).id;
  if (options.edit) {
    const design = options.edit((created.body as { design: StudyDesign }).design);
    await owner.call('put', `/api/studies/${id}`).send({ design }).expect(200);
  }
  if (options.launch !== false) await owner.call('post', `/api/studies/${id}/launch`).expect(200);
  const study = (await owner.call('get', `/api/studies/${id}`).expect(200)).body as { joinCode: string; design: StudyDesign };
  return { id, joinCode: study.joinCode, design: study.design };
}

/** `siteId`: the site that runs it (default the primary site). */
export async function labSession(owner: Owner, studyId: string, siteId?: string): Promise<LabSessionFixture> {
  return (
    await owner
      .call('post', `/api/studies/${studyId}/sessions`)
      .send(siteId === undefined ? {} : { siteId })
      .expect(201)
  ).body as LabSessionFixture;
}

export function seatSecret(session: LabSessionFixture, seatNumber: number): string {
  const seat = session.seats.find((candidate) => candidate.seatNumber === seatNumber);
  if (!seat) throw new Error(`no seat ${seatNumber}`);
  return seat.joinPath.replace('/join/seat/', '');
}

export interface ParticipantState {
  participant: {
    id: string;
    status: string;
    seatNumber: number | null;
    consentGiven: boolean;
    covariatesAnswered: boolean;
    instructionsConfirmed: boolean;
    canRejoin: boolean;
    language: string;
  };
  study: {
    title: string;
    languages: string[];
    consent: { version: string; text: string };
    covariateQuestions: Array<{ id: string; levels: Array<{ id: string }> }>;
  };
  session: null | {
    status: string;
    size: number;
    seatsTaken: number;
    seatsConsented: number;
    seatsReady: number;
    incomplete: boolean;
    timedBy: 'console' | 'phone';
    conversation: null | { startedAt: string; durationSeconds: number; endsAt: string; serverNow: string };
    instructions: null | { steps: string[]; topics: string[]; conversation: string };
    phase: 'pre' | 'post' | null;
    instruments: Array<{ id: string; version: number }>;
  };
  completion: null | { kind: string; code?: string; url?: string };
  withdrawal: null | { code: string; daysAfterClose: number; deadline: string | null };
}

/** One participant's phone: the token from joining, sent on every call. */
export class Phone {
  constructor(
    readonly http: Http,
    readonly token: string,
    readonly participantId: string,
  ) {}

  call(method: 'get' | 'post', path: string): request.Test {
    return request(this.http)[method](`/api/participant/${path}`).set('X-Participant-Token', this.token);
  }

  async state(): Promise<ParticipantState> {
    return (await this.call('get', 'state').expect(200)).body as ParticipantState;
  }

  async consent(version = '1'): Promise<void> {
    await this.call('post', 'consent').send({ consentVersion: version, agree: true }).expect(204);
  }

  async answer(values: Record<string, string>): Promise<void> {
    await this.call('post', 'covariates').send({ values }).expect(204);
  }

  async confirm(): Promise<void> {
    await this.call('post', 'instructions/confirm').expect(204);
  }

  async leave(): Promise<void> {
    await this.call('post', 'leave').expect(204);
  }

  async heartbeat(): Promise<{ waiting: boolean; sessionStatus: string | null }> {
    return (await this.call('post', 'heartbeat').expect(200)).body as { waiting: boolean; sessionStatus: string | null };
  }
}

export async function join(http: Http, body: Record<string, unknown>): Promise<Phone> {
  const res = await request(http).post('/api/participant/join').send(body).expect(201);
  const { token, participantId } = res.body as { token: string; participantId: string };
  return new Phone(http, token, participantId);
}

/** Joins a lab seat by its link, consents and answers the covariates. */
export async function readyAtSeat(
  http: Http,
  session: LabSessionFixture,
  seatNumber: number,
  values: Record<string, string> = { acquainted: 'strangers' },
): Promise<Phone> {
  const phone = await join(http, { seatSecret: seatSecret(session, seatNumber) });
  await phone.consent();
  await phone.answer(values);
  return phone;
}

/** A lab session whose every seat is ready, i.e. allocated. */
export async function allocatedSession(
  http: Http,
  owner: Owner,
  studyId: string,
  values: Record<string, string> = { acquainted: 'strangers' },
): Promise<{ session: LabSessionFixture; phones: Phone[] }> {
  const session = await labSession(owner, studyId);
  const phones: Phone[] = [];
  for (const seat of session.seats) phones.push(await readyAtSeat(http, session, seat.seatNumber, values));
  return { session, phones };
}

export async function count(app: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const rows: Array<{ n: number }> = await app.db.dataSource.query(sql, params);
  return Number(rows[0]?.n ?? 0);
}

export async function auditActions(app: TestApp, subjectId: string): Promise<string[]> {
  const rows: Array<{ action: string }> = await app.db.dataSource.query(
    `SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY id`,
    [subjectId],
  );
  return rows.map((row) => row.action);
}
