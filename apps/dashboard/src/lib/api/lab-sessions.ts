import 'server-only';
import { redirect } from 'next/navigation';
import { apiClient, settle, type ApiResult } from './client';
import type { components } from './schema';

export type StudyDetail = components['schemas']['StudyResponse'];
export type SessionSummary = components['schemas']['SessionSummaryResponse'];
export type CreatedSession = components['schemas']['CreatedSessionResponse'];

function signedIn<T>(result: ApiResult<T>): ApiResult<T> {
  if (!result.ok && result.problem.status === 401) redirect('/login');
  return result;
}

export async function getStudy(studyId: string): Promise<ApiResult<StudyDetail>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}', { params: { path: { studyId } } })));
}

export async function listSessions(studyId: string): Promise<ApiResult<SessionSummary[]>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}/sessions', { params: { path: { studyId } } })));
}

/** A lab session; its seat links come back only in this answer (the API keeps the secrets hashed). */
export async function createLabSession(studyId: string): Promise<ApiResult<CreatedSession>> {
  const client = await apiClient();
  return signedIn(await settle(client.POST('/api/studies/{studyId}/sessions', { params: { path: { studyId } } })));
}
