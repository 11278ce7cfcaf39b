'use server';

import { revalidatePath } from 'next/cache';
import { recordWithdrawal } from '@/lib/api/data-protection';
import { logServerError } from '@/lib/log';
import type { ProblemMessages } from '@/lib/api/problem';
import { REASONS, type WithdrawalFormState } from './withdrawal-messages';

const MESSAGES: ProblemMessages = {
  SEAT_NOT_FOUND: 'No participant sat in that seat of that session. Check the session code and seat.',
  SESSION_IN_PROGRESS: 'That session is still running. End it on the lab console first.',
  ALREADY_WITHDRAWN: 'That participant has already withdrawn.',
  VALIDATION_FAILED: 'Check the session code (4 to 12 letters or digits) and the seat (1 to 3).',
};

/** Records a withdrawal for someone who asked in person; the API deletes their answers and audits it. */
export async function withdrawSeat(studyId: string, _previous: WithdrawalFormState, form: FormData): Promise<WithdrawalFormState> {
  const reason = REASONS.find((candidate) => candidate.value === form.get('reason'))?.value ?? 'asked_in_person';
  const result = await recordWithdrawal(studyId, {
    sessionCode: String(form.get('sessionCode') ?? '').trim(),
    seat: Number(form.get('seat')),
    reason,
  });
  if (!result.ok) {
    if (result.problem.status >= 500)
      logServerError('withdrawal not recorded', { code: result.problem.code, requestId: result.problem.requestId });
    return { error: MESSAGES[result.problem.code] ?? result.problem.detail ?? result.problem.title };
  }
  revalidatePath(`/studies/${studyId}`);
  return { done: `Withdrawn: ${result.data.responsesDeleted} responses deleted. The seat stays in the allocation record.` };
}
