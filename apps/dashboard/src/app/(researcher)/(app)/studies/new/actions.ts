'use server';

import { redirect } from 'next/navigation';
import { createStudy, getStudyForEditing, saveDraft, type NewStudy } from '@/lib/api/study-design';
import { blankDesign } from '@/lib/builder/draft';
import { logServerError } from '@/lib/log';
import { SCRATCH, type NewStudyState } from './new-study-state';

/**
 * Creates the draft and opens its design. The API offers a blank template; should it not (an older
 * API), from scratch creates the draft from the default template and at once saves a blank design.
 */
export async function newStudy(_previous: NewStudyState, form: FormData): Promise<NewStudyState> {
  const title = String(form.get('title') ?? '').trim();
  const template = String(form.get('template') ?? '');
  if (title === '') return { error: 'Give the study a title.', title };
  const scratch = template === SCRATCH || template === '';
  const created = await createStudy({ title, ...(scratch ? {} : { templateId: template as NonNullable<NewStudy['templateId']> }) });
  if (!created.ok) {
    if (created.problem.status >= 500)
      logServerError('study not created', { code: created.problem.code, requestId: created.problem.requestId });
    return { error: `The study could not be created (${created.problem.title}).`, title };
  }
  const { id } = created.data;
  if (scratch) {
    const fresh = await getStudyForEditing(id);
    const blank = await saveDraft(id, fresh.ok ? fresh.data.revision : created.data.revision, { description: '', design: blankDesign() });
    if (!blank.ok)
      return { error: `The study was created but its design could not be cleared (${blank.problem.title}); open it from the list.`, title };
  }
  redirect(`/studies/${id}/design`);
}
