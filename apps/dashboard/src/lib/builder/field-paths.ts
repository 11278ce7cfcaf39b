import { conditionIds } from './conditions';
import type { Design, Localized } from './types';

const localized = (path: string, languages: readonly string[]): string[] => [path, ...languages.map((language) => `${path}.${language}`)];

function factorPaths(design: Design): string[] {
  return design.factors.flatMap((factor, f) => {
    const base = `design.factors[${f}]`;
    const levels = factor.levels.flatMap((level, l) => {
      const at = `${base}.levels[${l}]`;
      return [at, `${at}.id`, `${at}.label`, `${at}.setup`, `${at}.sets`,
        ...Object.keys(level.sets ?? {}).map((probe) => `${at}.sets.${probe}`),
        ...localized(`${at}.instructions`, design.languages), ...localized(`${at}.topicPrompt`, design.languages)];
    });
    return [base, `${base}.id`, `${base}.label`, `${base}.exploratory`, `${base}.levels`, ...levels];
  });
}

function covariatePaths(design: Design): string[] {
  return design.covariates.flatMap((covariate, c) => {
    const base = `design.covariates[${c}]`;
    const levels = covariate.levels.flatMap((_, l) => [`${base}.levels[${l}]`, `${base}.levels[${l}].id`, `${base}.levels[${l}].label`, ...localized(`${base}.levels[${l}].text`, design.languages)]);
    return [base, `${base}.id`, `${base}.label`, `${base}.source`, `${base}.relation`, `${base}.levels`, ...localized(`${base}.question`, design.languages), ...levels];
  });
}

function instrumentPaths(design: Design): string[] {
  return (['pre', 'post'] as const).flatMap((phase) => [`design.instruments.${phase}`, ...design.instruments[phase].map((_, i) => `design.instruments.${phase}[${i}]`)]);
}

/**
 * Every path the editor shows a field (or a fieldset) for, in the current design: the targets a
 * problem's path can be placed at. Kept beside the sections that render them (same path strings).
 */
export function editorFieldPaths(design: Design): Set<string> {
  return new Set([
    'title', 'description', 'design.factors', 'design.conditionWeights', 'design.covariates', 'design.stratifyBy',
    'design.sessionSize', 'design.targetSessionsPerCondition', 'design.randomisation.scheme', 'design.randomisation.blockMultipliers',
    'design.dropoutPolicy', 'design.conversation.durationSeconds', 'design.consent.version', 'design.languages',
    'design.completion.kind', 'design.completion.code', 'design.completion.url', 'design.withdrawal.daysAfterClose',
    ...localized('design.conversation.instructions', design.languages), ...localized('design.consent.text', design.languages),
    ...factorPaths(design), ...covariatePaths(design), ...instrumentPaths(design),
    ...safeConditionIds(design).map((id) => `design.conditionWeights.${id}`),
  ]);
}

function safeConditionIds(design: Design): string[] {
  try {
    return conditionIds(design.factors);
  } catch {
    return [];
  }
}

export type { Localized };
