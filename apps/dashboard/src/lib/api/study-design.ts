import 'server-only';
import type { Design, Draft, EditConflict, FieldIssue } from '@/lib/builder/types';
import { apiClient, settle, signedIn, type ApiResult } from './client';
import type { Problem } from './problem';
import type { components } from './schema';

export type StudyForEditing = components['schemas']['StudyResponse'] & { readonly revision: number };
export type ProtocolVersion = components['schemas']['ProtocolResponse'];

export interface Template {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly replicates: string | null;
  readonly deviations: readonly string[];
}

/** `"7"`, `W/"7"` → 7. */
function revisionOf(response: Response, body: unknown): number | null {
  const fromBody = typeof body === 'object' && body !== null ? (body as { revision?: unknown }).revision : undefined;
  if (typeof fromBody === 'number') return fromBody;
  const match = /(\d+)/.exec(response.headers.get('etag') ?? '');
  return match ? Number(match[1]) : null;
}

function withRevision(result: ApiResult<components['schemas']['StudyResponse']>): ApiResult<StudyForEditing> {
  if (!result.ok) return result;
  return { ...result, data: { ...result.data, revision: revisionOf(result.response, result.data) ?? 0 } };
}

export async function listTemplates(): Promise<ApiResult<Template[]>> {
  const client = await apiClient();
  const result = signedIn(await settle(client.GET('/api/studies/templates')));
  if (!result.ok) return result;
  // replicates / deviations are read defensively: an API from before issue 15 lacks them.
  const data = result.data.map((template) => {
    const extra = template as { replicates?: unknown; deviations?: unknown };
    return {
      ...template,
      replicates: typeof extra.replicates === 'string' ? extra.replicates : null,
      deviations: Array.isArray(extra.deviations) ? extra.deviations.filter((d): d is string => typeof d === 'string') : [],
    };
  });
  return { ...result, data };
}

export type NewStudy = components['schemas']['CreateStudyRequest'];

export async function createStudy(body: NewStudy): Promise<ApiResult<StudyForEditing>> {
  const client = await apiClient();
  return withRevision(signedIn(await settle(client.POST('/api/studies', { body }))));
}

export async function getStudyForEditing(studyId: string): Promise<ApiResult<StudyForEditing>> {
  const client = await apiClient();
  return withRevision(signedIn(await settle(client.GET('/api/studies/{studyId}', { params: { path: { studyId } } }))));
}

/** Saves the whole draft only if nobody saved since `revision` (If-Match); else 409 EDIT_CONFLICT. */
export async function saveDraft(studyId: string, revision: number, draft: Partial<Draft>): Promise<ApiResult<StudyForEditing>> {
  const client = await apiClient();
  const call = client.PUT('/api/studies/{studyId}', {
    params: { path: { studyId } },
    body: draft,
    headers: { 'If-Match': `"${revision}"` },
  });
  return withRevision(signedIn(await settle(call)));
}

export async function getDesignProblems(studyId: string): Promise<ApiResult<{ problems: FieldIssue[] }>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}/design-problems', { params: { path: { studyId } } })));
}

export async function checkUnsavedDesign(studyId: string, design: Design): Promise<ApiResult<{ problems: FieldIssue[] }>> {
  const client = await apiClient();
  return signedIn(await settle(client.POST('/api/studies/{studyId}/design-check', { params: { path: { studyId } }, body: { design } })));
}

export async function amendStudy(studyId: string, design: Design, reason: string): Promise<ApiResult<ProtocolVersion>> {
  const client = await apiClient();
  return signedIn(
    await settle(client.POST('/api/studies/{studyId}/amendments', { params: { path: { studyId } }, body: { design, reason } })),
  );
}

export async function listProtocolVersions(studyId: string): Promise<ApiResult<ProtocolVersion[]>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}/protocols', { params: { path: { studyId } } })));
}

export type PowerAnswer = components['schemas']['PowerResponse'];

export async function powerFor(query: {
  d: number;
  alpha: number;
  power: number;
  icc: number;
  groupSize: 1 | 2 | 3;
}): Promise<ApiResult<PowerAnswer>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/power', { params: { query } })));
}

function isConflict(value: unknown): value is EditConflict {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['revision'] === 'number' && Array.isArray(v['parts']);
}

/** The `conflict` extension of a 409 EDIT_CONFLICT problem, when the API sent one. */
export function conflictOf(problem: Problem): EditConflict | null {
  const conflict = (problem as Problem & { conflict?: unknown }).conflict;
  return problem.code === 'EDIT_CONFLICT' && isConflict(conflict) ? conflict : null;
}
