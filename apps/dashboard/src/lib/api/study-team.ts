import 'server-only';
import { apiClient, type ApiResult, settle, signedIn } from './client';
import type { components } from './schema';

type Schemas = components['schemas'];
export type Study = Schemas['StudyResponse'];
export type MemberRole = Schemas['AddMemberRequest']['role'];
export type Verification = Schemas['VerificationResponse'];

export type Member = Schemas['MemberResponse'];
export type DesignProblem = Schemas['FieldIssueDto'];

const at = (studyId: string) => ({ params: { path: { studyId } } });
const atMember = (studyId: string, userId: string) => ({ params: { path: { studyId, userId } } });

export async function getStudy(studyId: string): Promise<ApiResult<Study>> {
  return signedIn(await settle((await apiClient()).GET('/api/studies/{studyId}', at(studyId))));
}

/** Exactly what launch would refuse for the saved draft, with the paths of the fields concerned. */
export async function getDesignProblems(studyId: string): Promise<ApiResult<{ problems: DesignProblem[] }>> {
  return signedIn(await settle((await apiClient()).GET('/api/studies/{studyId}/design-problems', at(studyId))));
}

export async function launchStudy(studyId: string): Promise<ApiResult<Study>> {
  return signedIn(await settle((await apiClient()).POST('/api/studies/{studyId}/launch', at(studyId))));
}

export type StatusMove = 'pause' | 'resume' | 'close';

export async function moveStudy(studyId: string, move: StatusMove): Promise<ApiResult<Study>> {
  const api = await apiClient();
  const call =
    move === 'pause'
      ? api.POST('/api/studies/{studyId}/pause', at(studyId))
      : move === 'resume'
        ? api.POST('/api/studies/{studyId}/resume', at(studyId))
        : api.POST('/api/studies/{studyId}/close', at(studyId));
  return signedIn(await settle(call));
}

export async function getVerification(studyId: string): Promise<ApiResult<Verification>> {
  return signedIn(await settle((await apiClient()).GET('/api/studies/{studyId}/allocation-verification', at(studyId))));
}

export async function listMembers(studyId: string): Promise<ApiResult<Member[]>> {
  return signedIn(await settle((await apiClient()).GET('/api/studies/{studyId}/members', at(studyId))));
}

export async function addMember(studyId: string, email: string, role: MemberRole): Promise<ApiResult<unknown>> {
  return signedIn(await settle((await apiClient()).POST('/api/studies/{studyId}/members', { ...at(studyId), body: { email, role } })));
}

export async function changeRole(studyId: string, userId: string, role: MemberRole): Promise<ApiResult<unknown>> {
  return signedIn(
    await settle((await apiClient()).PUT('/api/studies/{studyId}/members/{userId}', { ...atMember(studyId, userId), body: { role } })),
  );
}

export async function removeMember(studyId: string, userId: string): Promise<ApiResult<unknown>> {
  return signedIn(await settle((await apiClient()).DELETE('/api/studies/{studyId}/members/{userId}', atMember(studyId, userId))));
}
