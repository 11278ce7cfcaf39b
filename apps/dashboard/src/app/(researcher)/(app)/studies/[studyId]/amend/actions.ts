'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { amendStudy, checkUnsavedDesign } from '@/lib/api/study-design';
import type { AmendOutcome, CheckOutcome } from '@/lib/builder/outcomes';
import type { Design } from '@/lib/builder/types';
import { logServerError } from '@/lib/log';

/** What the API would refuse in this amendment (including CHANGES_ALLOCATION), without saving it. */
export async function checkAmendment(studyId: string, design: Design): Promise<CheckOutcome> {
  const result = await checkUnsavedDesign(studyId, design);
  if (result.ok) return { kind: 'checked', problems: result.data.problems };
  if (result.problem.status === 400 && result.problem.errors) return { kind: 'checked', problems: [...result.problem.errors] };
  return { kind: 'error', message: `The amendment could not be checked (${result.problem.title}).` };
}

/** Freezes the amended design as the next protocol version, then shows the study with it. */
export async function submitAmendment(studyId: string, design: Design, reason: string): Promise<AmendOutcome> {
  const result = await amendStudy(studyId, design, reason);
  if (!result.ok) {
    const { problem } = result;
    if (problem.status === 400 && problem.errors)
      return { kind: 'invalid', problems: [...problem.errors], message: 'The API refused the amendment; the problems are listed.' };
    if (problem.status >= 500) logServerError('amendment not saved', { code: problem.code, requestId: problem.requestId });
    return { kind: 'error', message: `${problem.title} (reference ${problem.requestId})` };
  }
  revalidatePath(`/studies/${studyId}`);
  redirect(`/studies/${studyId}?amended=${result.data.version}`);
}
