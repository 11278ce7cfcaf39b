import { conditionIds } from './conditions';
import type { Design, Localized } from './types';

const localized = (path: string, languages: readonly string[]): string[] => [path, ...languages.map((language) => `${path}.${language}`)];

function factorPaths(design: Design): string[] {
  return design.factors.flatMap((factor, f) => {
    const base = `design.factors[${f}]`;
    const levels = factor.levels.flatMap((level, l) => {
      const at = `${base}.levels[${l}]`;
      return [
        at,
        `${at}.id`,
        `${at}.label`,
        `${at}.setup`,
        `${at}.sets`,
        ...Object.keys(level.sets ?? {}).map((probe) => `${at}.sets.${probe}`),
        ...localized(`${at}.instructions`, design.languages),
        ...localized(`${at}.topicPrompt`, design.languages),
      ];
    });
    return [base, `${base}.id`, `${base}.label`, `${base}.exploratory`, `${base}.levels`, ...levels];
  });
}

function covariatePaths(design: Design): string[] {
  return design.covariates.flatMap((covariate, c) => {
    const base = `design.covariates[${c}]`;
    // Only participant-reported covariates show their question and answer texts.
    const asked = covariate.source === 'participant';
    const levels = covariate.levels.flatMap((_, l) => [
      `${base}.levels[${l}]`,
      `${base}.levels[${l}].id`,
      `${base}.levels[${l}].label`,
      ...(asked ? localized(`${base}.levels[${l}].text`, design.languages) : []),
    ]);
    return [
      base,
      `${base}.id`,
      `${base}.label`,
      `${base}.source`,
      `${base}.relation`,
      `${base}.levels`,
      ...(asked ? localized(`${base}.question`, design.languages) : []),
      ...levels,
    ];
  });
}

function instrumentPaths(design: Design): string[] {
  return (['pre', 'post'] as const).flatMap((phase) => [
    `design.instruments.${phase}`,
    ...design.instruments[phase].map((_, i) => `design.instruments.${phase}[${i}]`),
  ]);
}

/**
 * Every path the editor shows a field (or a fieldset) for, in the current design: the targets a
 * problem's path can be placed at. It must match what the sections render (same path strings, same
 * conditions), or a problem would be placed at a field that is not on the page.
 */
export function editorFieldPaths(design: Design): Set<string> {
  const { scheme } = design.randomisation;
  return new Set([
    'title',
    'description',
    'design.factors',
    'design.conditionWeights',
    'design.covariates',
    'design.sessionSize',
    'design.targetSessionsPerCondition',
    'design.randomisation.scheme',
    'design.dropoutPolicy',
    'design.conversation.durationSeconds',
    'design.consent.version',
    'design.languages',
    'design.completion.kind',
    design.completion.kind === 'code' ? 'design.completion.code' : 'design.completion.url',
    'design.withdrawal.daysAfterClose',
    ...(scheme === 'complete' ? [] : ['design.randomisation.blockMultipliers']),
    ...(showsStratification(design) ? ['design.stratifyBy'] : []),
    ...localized('design.conversation.instructions', design.languages),
    ...localized('design.consent.text', design.languages),
    ...factorPaths(design),
    ...covariatePaths(design),
    ...instrumentPaths(design),
    ...safeConditionIds(design).map((id) => `design.conditionWeights.${id}`),
  ]);
}

/** The stratification part shows for stratified schemes, and whenever stratifiers are set (so a mismatch can be fixed). */
export function showsStratification(design: Design): boolean {
  return design.randomisation.scheme === 'stratified_permuted_blocks' || design.stratifyBy.length > 0;
}

function safeConditionIds(design: Design): string[] {
  try {
    return conditionIds(design.factors);
  } catch {
    return [];
  }
}

export type { Localized };
