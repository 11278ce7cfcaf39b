import 'server-only';
import { apiClient, settle, signedIn, type ApiResult } from './client';
import type { components } from './schema';

type Schemas = components['schemas'];
export type StudyResults = Schemas['StudyResultsResponse'];
export type ScaleResult = Schemas['ScaleResultDto'];
export type Flow = Schemas['FlowResponse'];
export type Enrolment = Schemas['EnrolmentResponse'];
export type Replication = Schemas['ReplicationResponse'];
export type Power = Schemas['PowerResponse'];
export type StudyDetail = Schemas['StudyResponse'];
export type SessionSummary = Schemas['SessionSummaryResponse'];

/** Results options as they travel in the page URL (and on to the API). */
export interface ResultsOptions {
  readonly protocol?: string;
  readonly includeIncomplete?: boolean;
  readonly perProtocol?: boolean;
  readonly minMembers?: number;
}

export async function getStudyDetail(studyId: string): Promise<ApiResult<StudyDetail>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}', { params: { path: { studyId } } })));
}

export async function getResults(studyId: string, query: ResultsOptions): Promise<ApiResult<StudyResults>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}/results', { params: { path: { studyId }, query } })));
}

export async function getFlow(studyId: string): Promise<ApiResult<Flow>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}/flow', { params: { path: { studyId } } })));
}

export async function getEnrolment(studyId: string): Promise<ApiResult<Enrolment>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}/enrolment', { params: { path: { studyId } } })));
}

export async function getReplication(studyId: string): Promise<ApiResult<Replication>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}/replication', { params: { path: { studyId } } })));
}

export async function listStudySessions(studyId: string): Promise<ApiResult<SessionSummary[]>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}/sessions', { params: { path: { studyId } } })));
}

export async function getPower(query: {
  d: number;
  alpha: number;
  power: number;
  icc: number;
  groupSize: 1 | 2 | 3;
}): Promise<ApiResult<Power>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/power', { params: { query } })));
}

export type ProtocolVersion = Schemas['ProtocolResponse'];
export type Verification = Schemas['VerificationResponse'];

export async function listProtocols(studyId: string): Promise<ApiResult<ProtocolVersion[]>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}/protocols', { params: { path: { studyId } } })));
}

/** Only after close (the seed is concealed until then). */
export async function getVerification(studyId: string): Promise<ApiResult<Verification>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}/allocation-verification', { params: { path: { studyId } } })));
}

export interface CodebookPreview {
  readonly entries: ReadonlyArray<{ readonly file: string; readonly name: string; readonly label: string; readonly type: string }>;
  readonly notes?: readonly string[];
}

function isCodebook(value: unknown): value is CodebookPreview {
  if (typeof value !== 'object' || value === null) return false;
  const entries = (value as { entries?: unknown }).entries;
  return (
    Array.isArray(entries) &&
    entries.every(
      (e: unknown) =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as Record<string, unknown>)['name'] === 'string' &&
        typeof (e as Record<string, unknown>)['file'] === 'string',
    )
  );
}

/** The codebook (one entry per column of every file), for the export page's preview. */
export async function getCodebook(studyId: string): Promise<ApiResult<CodebookPreview>> {
  const client = await apiClient();
  const result = signedIn(
    await settle(
      client.GET('/api/studies/{studyId}/exports/{file}', { params: { path: { studyId, file: 'codebook.json' } }, parseAs: 'text' }),
    ),
  );
  if (!result.ok) return result;
  const parsed: unknown = JSON.parse(String(result.data));
  if (isCodebook(parsed)) return { ok: true, data: parsed, response: result.response };
  return {
    ok: false,
    problem: {
      type: 'about:blank',
      title: 'The codebook had an unexpected shape',
      status: 502,
      code: 'BAD_CODEBOOK',
      requestId: result.response.headers.get('x-request-id') ?? '',
    },
  };
}
