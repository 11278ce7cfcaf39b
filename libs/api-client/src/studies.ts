import { type ApiClient, must, type Schemas } from './client';

export type TemplateId = NonNullable<Schemas['CreateStudyRequest']['templateId']>;
export type StudyDesign = Schemas['StudyDesignDto'];
export type Study = Schemas['StudyResponse'];
export type LabSession = Schemas['CreatedSessionResponse'];
export type SessionDetail = Schemas['SessionDetailResponse'];

export interface StudyOptions {
  /** Default phone_topic. */
  readonly templateId?: TemplateId;
  readonly title?: string;
  /** Edits the template's design while the study is still a draft. */
  readonly edit?: (design: StudyDesign) => StudyDesign;
  /** Default true. */
  readonly launch?: boolean;
}

/** A study from a template, its design optionally edited as a draft, then (by default) launched: all over HTTP. */
export async function launchedStudy(researcher: ApiClient, options: StudyOptions = {}): Promise<Study> {
  const templateId = options.templateId ?? 'phone_topic';
  const title = options.title ?? `Test ${templateId} study`;
  let study = await must(researcher.POST('/api/studies', { body: { title, templateId } }), 'create study');
  const params = { path: { studyId: study.id } };
  if (options.edit) {
    const body = { design: options.edit(study.design) };
    study = await must(researcher.PUT('/api/studies/{studyId}', { params, body }), 'edit design');
  }
  if (options.launch === false) return study;
  return must(researcher.POST('/api/studies/{studyId}/launch', { params }), 'launch');
}

/** A lab session of a launched study; `siteId`: the site that runs it (default the primary site). */
export function labSession(researcher: ApiClient, studyId: string, siteId?: string): Promise<LabSession> {
  const body = siteId === undefined ? {} : { siteId };
  return must(researcher.POST('/api/studies/{studyId}/sessions', { params: { path: { studyId } }, body }), 'create session');
}

/** The secret in a seat's join link (the links are shown only when the session is created). */
export function seatSecret(session: Pick<LabSession, 'seats'>, seatNumber: number): string {
  const seat = session.seats.find((candidate) => candidate.seatNumber === seatNumber);
  if (!seat) throw new Error(`no seat ${seatNumber}`);
  return seat.joinPath.replace('/join/seat/', '');
}

/** The research assistant's console: start a session's conversation. */
export function startConversation(researcher: ApiClient, studyId: string, sessionId: string): Promise<SessionDetail> {
  const params = { path: { studyId, sessionId } };
  return must(researcher.POST('/api/studies/{studyId}/sessions/{sessionId}/start-conversation', { params }), 'start conversation');
}

/** The research assistant's console: end a session's conversation (the post-survey opens). */
export function endConversation(researcher: ApiClient, studyId: string, sessionId: string): Promise<SessionDetail> {
  const params = { path: { studyId, sessionId } };
  return must(researcher.POST('/api/studies/{studyId}/sessions/{sessionId}/end-conversation', { params }), 'end conversation');
}
