import 'server-only';
import { redirect } from 'next/navigation';
import { apiClient, settle, type ApiResult } from './client';
import type { components } from './schema';

export type StudySummary = components['schemas']['StudySummaryResponse'];
export type StudyStatus = StudySummary['status'];
export type StudyRole = StudySummary['role'];

/** Studies the signed-in account can see. A lapsed session goes to the login page. */
export async function listStudies(): Promise<ApiResult<StudySummary[]>> {
  const client = await apiClient();
  const result = await settle(client.GET('/api/studies'));
  if (!result.ok && result.problem.status === 401) redirect('/login');
  return result;
}
