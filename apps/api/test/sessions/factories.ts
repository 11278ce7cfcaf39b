import {
  labSession as buildLabSession,
  type LabSession,
  launchedStudy as buildStudy,
  type Schemas,
  seatSecret,
  type TemplateId,
} from '@attune/api-client';
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

export type LabSessionFixture = LabSession;
export type ParticipantState = Schemas['ParticipantStateResponse'];
export { seatSecret };

/**
 * A study created through the API from a template, its design optionally edited while a draft, then
 * launched: the shared builder of @attune/api-client (e2e uses the same one). The design is read
 * back as the API's own StudyDesign, which the generated DTO describes.
 */
export async function launchedStudy(
  owner: Owner,
  options: { templateId?: TemplateId; edit?: (design: StudyDesign) => StudyDesign; launch?: boolean } = {},
): Promise<StudyFixture> {
  const { edit } = options;
  const study = await buildStudy(owner.client, {
    title: 'Sessions test study',
    ...(options.templateId ? { templateId: options.templateId } : {}),
    ...(edit ? { edit: (design) => edit(design as unknown as StudyDesign) as unknown as typeof design } : {}),
    ...(options.launch === false ? { launch: false } : {}),
  });
  return { id: study.id, joinCode: study.joinCode ?? '', design: study.design as unknown as StudyDesign };
}

/** `siteId`: the site that runs it (default the primary site). */
export function labSession(owner: Owner, studyId: string, siteId?: string): Promise<LabSessionFixture> {
  return buildLabSession(owner.client, studyId, siteId);
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

  async heartbeat(): Promise<Schemas['HeartbeatResponse']> {
    return (await this.call('post', 'heartbeat').expect(200)).body as Schemas['HeartbeatResponse'];
  }
}

export async function join(http: Http, body: Record<string, unknown>): Promise<Phone> {
  const res = await request(http).post('/api/participant/join').send(body).expect(201);
  const { token, participantId } = res.body as Schemas['JoinResponse'];
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
