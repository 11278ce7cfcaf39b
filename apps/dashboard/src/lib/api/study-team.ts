import 'server-only';
import type { Client } from 'openapi-fetch';
import { apiClient, type ApiPaths, type ApiResult, settle, signedIn } from './client';
import type { components } from './schema';

type Schemas = components['schemas'];
export type Study = Schemas['StudyResponse'];
export type MemberRole = Schemas['AddMemberRequest']['role'];
export type Verification = Schemas['VerificationResponse'];

export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly role: MemberRole;
  readonly addedAt: string;
}

export interface DesignProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

type Json<T> = { headers: Record<string, unknown>; content: { 'application/json': T } };
type NoContent = { headers: Record<string, unknown>; content?: never };
type StudyPath = { query?: never; header?: never; path: { studyId: string }; cookie?: never };
type MemberPath = { query?: never; header?: never; path: { studyId: string; userId: string }; cookie?: never };
type Never = { parameters: { query?: never; header?: never; path?: never; cookie?: never } } & Record<'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace', undefined>;

/*
 * The routes of issue 15's contract that apps/api/openapi.json does not describe yet, in the
 * shape openapi-typescript generates. Remove once the regenerated schema.d.ts has them.
 */
interface ContractPaths {
  '/api/studies/{studyId}/design-problems': Omit<Never, 'get'> & { get: { parameters: StudyPath; requestBody?: never; responses: { 200: Json<{ problems: DesignProblem[] }> } } };
  '/api/studies/{studyId}/members': Omit<Never, 'get' | 'post'> & {
    get: { parameters: StudyPath; requestBody?: never; responses: { 200: Json<Member[]> } };
    post: ApiPaths['/api/studies/{studyId}/members']['post'];
  };
  '/api/studies/{studyId}/members/{userId}': Omit<Never, 'put' | 'delete'> & {
    put: { parameters: MemberPath; requestBody: { content: { 'application/json': { role: MemberRole } } }; responses: { 204: NoContent } };
    delete: { parameters: MemberPath; requestBody?: never; responses: { 204: NoContent } };
  };
}

async function client(): Promise<Client<Omit<ApiPaths, keyof ContractPaths> & ContractPaths>> {
  return (await apiClient()) as unknown as Client<Omit<ApiPaths, keyof ContractPaths> & ContractPaths>;
}

const at = (studyId: string) => ({ params: { path: { studyId } } });
const atMember = (studyId: string, userId: string) => ({ params: { path: { studyId, userId } } });

export async function getStudy(studyId: string): Promise<ApiResult<Study>> {
  return signedIn(await settle((await client()).GET('/api/studies/{studyId}', at(studyId))));
}

/** Exactly what launch would refuse for the saved draft, with the paths of the fields concerned. */
export async function getDesignProblems(studyId: string): Promise<ApiResult<{ problems: DesignProblem[] }>> {
  return signedIn(await settle((await client()).GET('/api/studies/{studyId}/design-problems', at(studyId))));
}

export async function launchStudy(studyId: string): Promise<ApiResult<Study>> {
  return signedIn(await settle((await client()).POST('/api/studies/{studyId}/launch', at(studyId))));
}

export type StatusMove = 'pause' | 'resume' | 'close';

export async function moveStudy(studyId: string, move: StatusMove): Promise<ApiResult<Study>> {
  const api = await client();
  const call = move === 'pause' ? api.POST('/api/studies/{studyId}/pause', at(studyId))
    : move === 'resume' ? api.POST('/api/studies/{studyId}/resume', at(studyId))
      : api.POST('/api/studies/{studyId}/close', at(studyId));
  return signedIn(await settle(call));
}

export async function getVerification(studyId: string): Promise<ApiResult<Verification>> {
  return signedIn(await settle((await client()).GET('/api/studies/{studyId}/allocation-verification', at(studyId))));
}

export async function listMembers(studyId: string): Promise<ApiResult<Member[]>> {
  return signedIn(await settle((await client()).GET('/api/studies/{studyId}/members', at(studyId))));
}

export async function addMember(studyId: string, email: string, role: MemberRole): Promise<ApiResult<unknown>> {
  return signedIn(await settle((await client()).POST('/api/studies/{studyId}/members', { ...at(studyId), body: { email, role } })));
}

export async function changeRole(studyId: string, userId: string, role: MemberRole): Promise<ApiResult<unknown>> {
  return signedIn(await settle((await client()).PUT('/api/studies/{studyId}/members/{userId}', { ...atMember(studyId, userId), body: { role } })));
}

export async function removeMember(studyId: string, userId: string): Promise<ApiResult<unknown>> {
  return signedIn(await settle((await client()).DELETE('/api/studies/{studyId}/members/{userId}', atMember(studyId, userId))));
}
