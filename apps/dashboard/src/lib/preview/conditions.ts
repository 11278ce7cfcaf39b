import type { components } from '@/lib/api/schema';

/** A study's design as the API sends it (a draft's may still be incomplete). */
export type Design = components['schemas']['StudyDesignDto'];

export interface ConditionLevel {
  readonly factorId: string;
  readonly factorLabel: string;
  readonly levelId: string;
  readonly levelLabel: string;
}

/** One cell of the factorial design, with the canonical id the API uses (`phone=present|seating=side_by_side`). */
export interface Condition {
  readonly id: string;
  readonly label: string;
  readonly levels: readonly ConditionLevel[];
}

/**
 * Every cell in the API's canonical order (apps/api/src/randomisation/design.ts): factors as
 * declared, the first varying slowest, levels as declared. No factors (an unfinished draft): none.
 */
export function conditionsOf(design: Pick<Design, 'factors'>): Condition[] {
  const factors = design.factors ?? [];
  if (factors.length === 0) return [];
  let cells: ConditionLevel[][] = [[]];
  for (const factor of factors) {
    cells = cells.flatMap((cell) =>
      (factor.levels ?? []).map((level) => [
        ...cell,
        { factorId: factor.id, factorLabel: factor.label, levelId: level.id, levelLabel: level.label },
      ]),
    );
  }
  return cells.map((levels) => ({
    id: levels.map((level) => `${level.factorId}=${level.levelId}`).join('|'),
    label: levels.map((level) => level.levelLabel || level.levelId).join(' × '),
    levels,
  }));
}

/** The condition asked for, or the first one when the id is missing or not part of the design. */
export function pickCondition(conditions: readonly Condition[], requested: string | undefined): Condition | undefined {
  return conditions.find((condition) => condition.id === requested) ?? conditions[0];
}

/** The language asked for when the study offers it, else the study's first language (the API's fallback). */
export function pickLanguage(design: Pick<Design, 'languages'>, requested: string | undefined): string {
  const languages = design.languages ?? [];
  return requested && languages.includes(requested) ? requested : (languages[0] ?? 'en');
}
