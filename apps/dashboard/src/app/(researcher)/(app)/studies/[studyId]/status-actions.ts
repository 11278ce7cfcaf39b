'use server';

import { revalidatePath } from 'next/cache';
import { moveStudy, type StatusMove } from '@/lib/api/study-team';
import type { ProblemMessages } from '@/lib/api/problem';
import { logServerError } from '@/lib/log';

export interface StatusActionState {
  readonly error: string | null;
}

const REFUSALS: ProblemMessages = {
  ROLE_REQUIRED: "Only the study's owners can pause, resume or close it.",
  ILLEGAL_STATUS_CHANGE: "The study's status changed in the meantime. Reload the page to see it.",
};

/** Pause, resume or close; the page re-renders with the new status (and after close the verification). */
export async function moveStudyAction(studyId: string, move: StatusMove, _previous: StatusActionState): Promise<StatusActionState> {
  const result = await moveStudy(studyId, move);
  if (!result.ok) {
    if (result.problem.status >= 500)
      logServerError(`study ${move} failed`, { code: result.problem.code, requestId: result.problem.requestId });
    return { error: REFUSALS[result.problem.code] ?? result.problem.detail ?? result.problem.title };
  }
  revalidatePath(`/studies/${studyId}`);
  return { error: null };
}
