import 'server-only';
import { apiClient, settle, signedIn, type ApiResult } from './client';
import type { components } from './schema';

type Schemas = components['schemas'];
export type Pooled = Schemas['PooledResponse'];
export type ExternalSummary = Schemas['ExternalSummaryResponse'];
export type SiteSummaryFile = Schemas['SiteSummaryDto'];

export async function getPooled(studyId: string): Promise<ApiResult<Pooled>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}/pooled', { params: { path: { studyId } } })));
}

export async function listExternalSummaries(studyId: string): Promise<ApiResult<ExternalSummary[]>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}/external-summaries', { params: { path: { studyId } } })));
}

export async function importExternalSummary(
  studyId: string,
  file: SiteSummaryFile,
  label: string | undefined,
): Promise<ApiResult<ExternalSummary>> {
  const client = await apiClient();
  return signedIn(
    await settle(
      client.POST('/api/studies/{studyId}/external-summaries', {
        params: { path: { studyId } },
        body: { file, ...(label ? { label } : {}) },
      }),
    ),
  );
}

export async function removeExternalSummary(studyId: string, summaryId: string): Promise<ApiResult<unknown>> {
  const client = await apiClient();
  return signedIn(
    await settle(client.DELETE('/api/studies/{studyId}/external-summaries/{summaryId}', { params: { path: { studyId, summaryId } } })),
  );
}
