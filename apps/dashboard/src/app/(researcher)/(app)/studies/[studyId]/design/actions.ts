'use server';

import { conflictOf, getDesignProblems, getStudyForEditing, powerFor, saveDraft } from '@/lib/api/study-design';
import type { PowerOutcome } from '@/components/builder/target-section';
import { detectableEffect, powerAt } from '@/lib/builder/power';
import type { LoadOutcome, SaveOutcome } from '@/lib/builder/outcomes';
import type { Draft, FieldIssue } from '@/lib/builder/types';
import { logServerError } from '@/lib/log';

async function problemsOf(studyId: string): Promise<FieldIssue[]> {
  const result = await getDesignProblems(studyId);
  return result.ok ? result.data.problems : [];
}

/** Autosave: PUT with If-Match on the editor's revision, then what launch would still refuse. */
export async function saveDesignDraft(studyId: string, revision: number, draft: Draft): Promise<SaveOutcome> {
  const result = await saveDraft(studyId, revision, draft);
  if (result.ok) return { kind: 'saved', revision: result.data.revision, problems: await problemsOf(studyId) };
  const { problem } = result;
  const conflict = conflictOf(problem);
  if (conflict) return { kind: 'conflict', conflict };
  if (problem.code === 'STUDY_LAUNCHED') return { kind: 'launched' };
  if (problem.status === 400 && problem.errors) return { kind: 'invalid', problems: [...problem.errors] };
  if (problem.status >= 500) logServerError('draft not saved', { code: problem.code, requestId: problem.requestId });
  return { kind: 'error', message: `${problem.title} (reference ${problem.requestId})` };
}

/** "Load their version": the draft as saved now, with its revision. */
export async function loadDesignDraft(studyId: string): Promise<LoadOutcome> {
  const result = await getStudyForEditing(studyId);
  if (!result.ok) return { kind: 'error', message: `The draft could not be loaded (${result.problem.title}).` };
  const { title, description, design, revision } = result.data;
  return { kind: 'loaded', draft: { title, description, design }, revision, problems: await problemsOf(studyId) };
}

const POWER = { alpha: 0.05, power: 0.8, icc: 0.3 } as const;

/**
 * The inline calculator, all from the API's power route: the effect the target detects with 80 %
 * power (by bisection over the route's answer), the sessions the expected d needs, and the power
 * the target gives for it, read off the route's curve.
 */
export async function powerForTarget(input: { d: number; groupSize: 1 | 2 | 3; target: number }): Promise<PowerOutcome> {
  const result = await powerFor({ ...POWER, d: input.d, groupSize: input.groupSize });
  if (!result.ok)
    return {
      sessionsNeeded: 0,
      powerAtTarget: null,
      detectable: null,
      error: `The power calculator could not answer (${result.problem.title}).`,
    };
  const sessionsFor = async (d: number) => {
    const answer = await powerFor({ ...POWER, d, groupSize: input.groupSize });
    return answer.ok ? answer.data.dyadsPerCondition : null;
  };
  return {
    sessionsNeeded: result.data.dyadsPerCondition,
    powerAtTarget: powerAt(result.data.curve, input.target),
    detectable: await detectableEffect(input.target, sessionsFor),
  };
}
