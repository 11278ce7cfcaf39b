'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { Problem } from '@/lib/api/problem';
import { addMember, changeRole, removeMember } from '@/lib/api/study-team';
import { logServerError } from '@/lib/log';
import { addedMessage, isRole, type TeamChange, teamRefusal } from '@/lib/preview/team';

export interface TeamState {
  readonly error: string | null;
  readonly done: string | null;
}

function refused(change: TeamChange, problem: Problem): TeamState {
  if (problem.status >= 500) logServerError(`team ${change} failed`, { code: problem.code, requestId: problem.requestId });
  return { error: teamRefusal(change, problem.code) ?? problem.detail ?? problem.title, done: null };
}

/** Adds by email with a role (or changes the role of someone already in the team). */
export async function addMemberAction(studyId: string, _previous: TeamState, form: FormData): Promise<TeamState> {
  const email = String(form.get('email') ?? '').trim();
  const role = form.get('role');
  if (!email.includes('@') || !isRole(role)) return { error: teamRefusal('add', 'VALIDATION_FAILED'), done: null };
  const result = await addMember(studyId, email, role);
  if (!result.ok) return refused('add', result.problem);
  revalidatePath(`/studies/${studyId}/team`);
  return { error: null, done: addedMessage(email, role) };
}

export async function changeRoleAction(studyId: string, userId: string, _previous: TeamState, form: FormData): Promise<TeamState> {
  const role = form.get('role');
  if (!isRole(role)) return { error: teamRefusal('change', 'VALIDATION_FAILED'), done: null };
  const result = await changeRole(studyId, userId, role);
  if (!result.ok) return refused('change', result.problem);
  revalidatePath(`/studies/${studyId}/team`);
  return { error: null, done: 'Role changed.' };
}

/** Removing oneself leaves the study: the browser goes back to the list of studies. */
export async function removeMemberAction(studyId: string, userId: string, self: boolean, _previous: TeamState): Promise<TeamState> {
  const result = await removeMember(studyId, userId);
  if (!result.ok) return refused('remove', result.problem);
  if (self) redirect('/studies');
  revalidatePath(`/studies/${studyId}/team`);
  return { error: null, done: null };
}
