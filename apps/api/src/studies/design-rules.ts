import { getInstrument } from '@attune/survey';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FieldIssue } from '../common/errors/domain-error';
import { toFieldIssues } from '../common/errors/validation';
import { conditionsOf, MIXED, SITE_KEY } from '../randomisation/design';
import { checkManipulationChecks, checkPartnerCovariates } from './check-rules';
import type { Localized, StudyDesign } from './study-design';
import { StudyDesignDto } from './study-design.dto';

type Issues = FieldIssue[];

function issue(issues: Issues, path: string, code: string, message: string): void {
  issues.push({ path: `design.${path}`, code, message });
}

function duplicates(ids: readonly string[]): string[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

function checkLocalized(issues: Issues, path: string, text: Localized | undefined, languages: readonly string[], required: boolean): void {
  if (text === undefined) {
    if (required) issue(issues, path, 'REQUIRED', 'is required');
    return;
  }
  for (const language of languages) {
    if (typeof text[language] !== 'string' || text[language].trim() === '')
      issue(issues, `${path}.${language}`, 'MISSING_TRANSLATION', `needs a text in "${language}"`);
  }
}

function checkFactors(issues: Issues, design: StudyDesign): void {
  for (const id of duplicates(design.factors.map((f) => f.id)))
    issue(issues, 'factors', 'DUPLICATE_ID', `factor "${id}" is declared twice`);
  design.factors.forEach((factor, f) => {
    for (const id of duplicates(factor.levels.map((l) => l.id)))
      issue(issues, `factors[${f}].levels`, 'DUPLICATE_ID', `level "${id}" is declared twice`);
    factor.levels.forEach((level, l) => {
      checkLocalized(issues, `factors[${f}].levels[${l}].instructions`, level.instructions, design.languages, false);
      checkLocalized(issues, `factors[${f}].levels[${l}].topicPrompt`, level.topicPrompt, design.languages, false);
    });
  });
  const conditionIds = new Set(conditionsOf(design.factors).map((c) => c.id));
  for (const [id, weight] of Object.entries(design.conditionWeights)) {
    if (!conditionIds.has(id)) issue(issues, `conditionWeights.${id}`, 'UNKNOWN_CONDITION', `"${id}" is not a condition of this design`);
    if (!Number.isInteger(weight) || weight < 1 || weight > 10)
      issue(issues, `conditionWeights.${id}`, 'OUT_OF_RANGE', 'weights are integers from 1 to 10');
  }
}

/** Sessions whose members disagree on a reported stratification covariate take the level MIXED. */
function checkReservedLevels(issues: Issues, design: StudyDesign): void {
  design.covariates.forEach((covariate, c) => {
    if (covariate.source !== 'participant' || !design.stratifyBy.includes(covariate.id)) return;
    covariate.levels.forEach((level, l) => {
      if (level.id === MIXED)
        issue(
          issues,
          `covariates[${c}].levels[${l}].id`,
          'RESERVED_ID',
          `"${MIXED}" is the stratum of sessions whose members answer differently; choose another level id`,
        );
    });
  });
}

function checkCovariates(issues: Issues, design: StudyDesign): void {
  const factorIds = new Set(design.factors.map((f) => f.id));
  for (const id of duplicates(design.covariates.map((c) => c.id)))
    issue(issues, 'covariates', 'DUPLICATE_ID', `covariate "${id}" is declared twice`);
  design.covariates.forEach((covariate, c) => {
    if (factorIds.has(covariate.id)) issue(issues, `covariates[${c}].id`, 'DUPLICATE_ID', 'a covariate cannot share an id with a factor');
    if (covariate.id === SITE_KEY)
      issue(
        issues,
        `covariates[${c}].id`,
        'RESERVED_ID',
        `"${SITE_KEY}" is the stratum key of the session's site; choose another covariate id`,
      );
    checkLocalized(issues, `covariates[${c}].question`, covariate.question, design.languages, covariate.source === 'participant');
  });
  const covariateIds = new Set(design.covariates.map((c) => c.id));
  design.stratifyBy.forEach((id, s) => {
    if (!covariateIds.has(id)) issue(issues, `stratifyBy[${s}]`, 'UNKNOWN_COVARIATE', `"${id}" is not a covariate of this design`);
  });
  checkReservedLevels(issues, design);
  const stratified = design.randomisation.scheme === 'stratified_permuted_blocks';
  if (stratified && design.stratifyBy.length === 0)
    issue(issues, 'stratifyBy', 'REQUIRED', 'stratified permuted blocks need at least one stratification covariate');
  if (!stratified && design.stratifyBy.length > 0)
    issue(issues, 'stratifyBy', 'NOT_STRATIFIED', `the ${design.randomisation.scheme} scheme does not stratify; leave stratifyBy empty`);
  if (duplicates([...design.randomisation.blockMultipliers].map(String)).length)
    issue(issues, 'randomisation.blockMultipliers', 'DUPLICATE_VALUE', 'multipliers must be distinct');
}

function checkInstruments(issues: Issues, design: StudyDesign): void {
  if (design.instruments.post.length === 0)
    issue(issues, 'instruments.post', 'REQUIRED', 'a study needs at least one post-conversation instrument');
  for (const phase of ['pre', 'post'] as const) {
    const refs = design.instruments[phase];
    for (const id of duplicates(refs.map((r) => r.id)))
      issue(issues, `instruments.${phase}`, 'DUPLICATE_ID', `instrument "${id}" appears twice`);
    refs.forEach((ref, i) => {
      const instrument = getInstrument(ref.id, ref.version);
      if (!instrument)
        return issue(issues, `instruments.${phase}[${i}]`, 'UNKNOWN_INSTRUMENT', `no instrument ${ref.id} version ${ref.version}`);
      for (const language of design.languages) {
        if (!instrument.languages.includes(language))
          issue(issues, `instruments.${phase}[${i}]`, 'MISSING_TRANSLATION', `${ref.id} has no "${language}" version`);
      }
    });
  }
}

/**
 * The request DTO's own rules, run again on the stored design: a draft saved before the DTO checked
 * every part (or written by other means) may lack what launch reads, and must get a problem list,
 * not a crash. Unknown keys are tolerated here; the DTO refused them when the draft was saved.
 */
function checkShape(design: unknown): FieldIssue[] {
  const plain = typeof design === 'object' && design !== null && !Array.isArray(design) ? design : {};
  const errors = validateSync(plainToInstance(StudyDesignDto, plain), { whitelist: false, forbidUnknownValues: false });
  return toFieldIssues(errors).map((found) => ({ ...found, path: `design.${found.path}` }));
}

/**
 * The launch check: everything class-validator cannot see across fields. Returns every problem
 * with its path, so a researcher can fix the whole design in one go.
 */
export function checkDesign(design: StudyDesign): FieldIssue[] {
  const shape = checkShape(design);
  if (shape.length > 0) return shape;
  const issues: Issues = [];
  for (const code of duplicates([...design.languages])) issue(issues, 'languages', 'DUPLICATE_VALUE', `"${code}" is listed twice`);
  checkFactors(issues, design);
  checkCovariates(issues, design);
  checkInstruments(issues, design);
  issues.push(...checkManipulationChecks(design), ...checkPartnerCovariates(design));
  checkLocalized(issues, 'consent.text', design.consent.text, design.languages, true);
  checkLocalized(issues, 'conversation.instructions', design.conversation.instructions, design.languages, true);
  if (design.completion.kind === 'code' && !design.completion.code)
    issue(issues, 'completion.code', 'REQUIRED', 'a completion code is required');
  if (design.completion.kind === 'redirect' && !design.completion.url)
    issue(issues, 'completion.url', 'REQUIRED', 'a redirect URL is required');
  return issues;
}
