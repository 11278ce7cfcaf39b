import type { FieldIssue } from '../common/errors/domain-error';
import { stratumKey } from '../randomisation/allocation-sequence';
import { MIXED, SITE_KEY } from '../randomisation/design';
import type { CovariateDesign, StudyDesign } from '../studies/study-design';

export type CovariateSource = CovariateDesign['source'];

/**
 * Checks `values` against the design's covariates of `source`: unknown ids and levels are refused;
 * with `requireAll` every covariate of that source must be answered. Paths are `values.<id>`.
 */
export function checkCovariateValues(
  design: StudyDesign,
  source: CovariateSource,
  values: Readonly<Record<string, unknown>>,
  requireAll: boolean,
): FieldIssue[] {
  const declared = design.covariates.filter((covariate) => covariate.source === source);
  const issues: FieldIssue[] = [];
  for (const [id, value] of Object.entries(values)) {
    const covariate = declared.find((candidate) => candidate.id === id);
    if (!covariate)
      issues.push({ path: `values.${id}`, code: 'UNKNOWN_COVARIATE', message: `"${id}" is not a ${source} covariate of this study` });
    else if (typeof value !== 'string' || !covariate.levels.some((level) => level.id === value)) {
      issues.push({
        path: `values.${id}`,
        code: 'UNKNOWN_LEVEL',
        message: `must be one of ${covariate.levels.map((level) => level.id).join(', ')}`,
      });
    }
  }
  if (requireAll) {
    for (const covariate of declared) {
      if (!Object.hasOwn(values, covariate.id)) issues.push({ path: `values.${covariate.id}`, code: 'REQUIRED', message: 'is required' });
    }
  }
  return issues;
}

function commonValue(values: readonly (string | undefined)[]): string | null {
  if (values.length === 0 || values.some((value) => value === undefined)) return null;
  return values.every((value) => value === values[0]) ? (values[0] as string) : MIXED;
}

/**
 * The session's stratum key, or null while it cannot be known yet (an observed stratification
 * covariate the research assistant has not recorded): allocation then waits for it.
 * Unstratified schemes have the single stratum ''.
 *
 * Site is always a stratification factor: at a non-primary site (`siteCode` given) the key also
 * holds `site=<code>`, in stratumKey's canonical order, so each site draws from its own sequences.
 * The primary site (`siteCode` null) keeps the keys sessions had before sites existed, so every
 * earlier allocation and its verification stay valid.
 */
export function sessionStratum(
  design: StudyDesign,
  memberCovariates: readonly Readonly<Record<string, string>>[],
  observed: Readonly<Record<string, string>>,
  siteCode: string | null = null,
): string | null {
  const values: Record<string, string> = {};
  if (design.randomisation.scheme === 'stratified_permuted_blocks') {
    for (const id of design.stratifyBy) {
      const covariate = design.covariates.find((candidate) => candidate.id === id);
      const value =
        covariate?.source === 'participant' ? commonValue(memberCovariates.map((member) => member[id])) : (observed[id] ?? null);
      if (value === null) return null;
      values[id] = value;
    }
  }
  if (siteCode !== null) {
    if (Object.hasOwn(values, SITE_KEY)) throw new Error(`the covariate id "${SITE_KEY}" is reserved for the site`);
    values[SITE_KEY] = siteCode;
  }
  return stratumKey(values);
}

/**
 * The participant questions to ask now: those not yet answered, and questions about the partner
 * only once the participant is seated with one (online, that is after the waiting room paired them).
 */
export function pendingCovariates(design: StudyDesign, answered: Readonly<Record<string, string>>, seated: boolean): CovariateDesign[] {
  return design.covariates.filter(
    (covariate) =>
      covariate.source === 'participant' && !Object.hasOwn(answered, covariate.id) && (seated || covariate.relation !== 'partner'),
  );
}

/** What a rejoining participant keeps: answers about themselves, not about the partner they leave. */
export function withoutPartnerQuestions(design: StudyDesign, answered: Readonly<Record<string, string>>): Record<string, string> {
  const partner = new Set(design.covariates.filter((covariate) => covariate.relation === 'partner').map((covariate) => covariate.id));
  return Object.fromEntries(Object.entries(answered).filter(([id]) => !partner.has(id)));
}

/** Answers to exactly the pending questions: unknown values, questions not asked now, and gaps are refused. */
export function checkCovariateAnswers(
  design: StudyDesign,
  values: Readonly<Record<string, unknown>>,
  pending: readonly CovariateDesign[],
): FieldIssue[] {
  const issues = checkCovariateValues(design, 'participant', values, false);
  const asked = new Set(pending.map((covariate) => covariate.id));
  for (const id of Object.keys(values)) {
    if (!asked.has(id) && !issues.some((problem) => problem.path === `values.${id}`))
      issues.push({ path: `values.${id}`, code: 'NOT_ASKED', message: 'was already answered or cannot be asked yet' });
  }
  for (const id of asked) if (!Object.hasOwn(values, id)) issues.push({ path: `values.${id}`, code: 'REQUIRED', message: 'is required' });
  return issues;
}
