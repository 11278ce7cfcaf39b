'use server';

import { revalidatePath } from 'next/cache';
import { importExternalSummary, removeExternalSummary, type SiteSummaryFile } from '@/lib/api/pooling';
import type { ProblemMessages } from '@/lib/api/problem';
import { logServerError } from '@/lib/log';

export interface SummaryFormState {
  readonly error?: string;
  readonly done?: string;
}

const MESSAGES: ProblemMessages = {
  PROTOCOL_MISMATCH: 'This summary comes from a different protocol, so it cannot be pooled with this study.',
  LABEL_TAKEN: 'A summary with this label is already imported. Choose another label, or remove the earlier one first.',
  INVALID_SITE_SUMMARY: 'The file was changed or damaged after it was exported. Ask the site for a fresh copy.',
  VALIDATION_FAILED: 'This is not an Attune site summary file.',
};

async function readFile(form: FormData): Promise<SiteSummaryFile | null> {
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0 || file.size > 2 * 1024 * 1024) return null;
  try {
    return JSON.parse(await file.text()) as SiteSummaryFile;
  } catch {
    return null;
  }
}

/** Imports a site summary another installation exported; the API checks its hash and protocol. */
export async function importSummary(studyId: string, _previous: SummaryFormState, form: FormData): Promise<SummaryFormState> {
  const file = await readFile(form);
  if (!file) return { error: 'Choose the site summary file (.json) the other site sent you.' };
  const label = String(form.get('label') ?? '').trim();
  const result = await importExternalSummary(studyId, file, label || undefined);
  if (!result.ok) {
    if (result.problem.status >= 500)
      logServerError('site summary not imported', { code: result.problem.code, requestId: result.problem.requestId });
    const detail = result.problem.code === 'PROTOCOL_MISMATCH' && result.problem.detail ? ` ${result.problem.detail}` : '';
    return { error: `${MESSAGES[result.problem.code] ?? result.problem.title}${detail}` };
  }
  revalidatePath(`/studies/${studyId}/replication`);
  return { done: `Imported "${result.data.label}": it now counts in the pooled estimate.` };
}

export async function removeSummary(studyId: string, summaryId: string): Promise<void> {
  const result = await removeExternalSummary(studyId, summaryId);
  if (!result.ok && result.problem.status >= 500)
    logServerError('site summary not removed', { code: result.problem.code, requestId: result.problem.requestId });
  revalidatePath(`/studies/${studyId}/replication`);
}
