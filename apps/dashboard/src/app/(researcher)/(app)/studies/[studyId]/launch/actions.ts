'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FieldIssue, ProblemMessages } from '@/lib/api/problem';
import { launchStudy } from '@/lib/api/study-team';
import { logServerError } from '@/lib/log';

export interface LaunchState {
  readonly error: string | null;
  readonly problems: readonly FieldIssue[];
}

const REFUSALS: ProblemMessages = {
  INVALID_DESIGN: 'Launch was refused: the design has problems (listed below). Fix them in the design, then review again.',
  ILLEGAL_STATUS_CHANGE: 'This study is no longer a draft: someone launched it in the meantime.',
  ROLE_REQUIRED: "Only the study's owners can launch it.",
};

/** Launches, then shows the study page with protocol version 1, its SHA-256 and the seed commitment. */
export async function launchAction(studyId: string, _previous: LaunchState): Promise<LaunchState> {
  const result = await launchStudy(studyId);
  if (!result.ok) {
    if (result.problem.status >= 500) logServerError('launch failed', { code: result.problem.code, requestId: result.problem.requestId });
    return { error: REFUSALS[result.problem.code] ?? result.problem.detail ?? result.problem.title, problems: result.problem.errors ?? [] };
  }
  revalidatePath(`/studies/${studyId}`);
  redirect(`/studies/${studyId}?launched=1`);
}
