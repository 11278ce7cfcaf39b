import 'server-only';
import { apiClient, settle, signedIn, type ApiResult } from './client';
import type { components } from './schema';

export type StudyDetail = components['schemas']['StudyResponse'];
export type SessionSummary = components['schemas']['SessionSummaryResponse'];
export type CreatedSession = components['schemas']['CreatedSessionResponse'];

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

export type SessionDetail = components['schemas']['SessionDetailResponse'];

/** One session as the lab console shows it (the room set-up once allocated). */
export async function getSession(studyId: string, sessionId: string): Promise<ApiResult<SessionDetail>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}/sessions/{sessionId}', { params: { path: { studyId, sessionId } } })));
}

/** The console's start button: the shared timer starts now on the server's clock. */
export async function startConversation(studyId: string, sessionId: string): Promise<ApiResult<SessionDetail>> {
  const client = await apiClient();
  return signedIn(
    await settle(
      client.POST('/api/studies/{studyId}/sessions/{sessionId}/start-conversation', { params: { path: { studyId, sessionId } } }),
    ),
  );
}

/** The console's end button: the post-survey opens on every phone at once. */
export async function endConversation(studyId: string, sessionId: string): Promise<ApiResult<SessionDetail>> {
  const client = await apiClient();
  return signedIn(
    await settle(client.POST('/api/studies/{studyId}/sessions/{sessionId}/end-conversation', { params: { path: { studyId, sessionId } } })),
  );
}
