import { conditionLevels, conditionsOf, type FactorSpec } from '../randomisation/design';

export interface LevelRef {
  readonly factorId: string;
  readonly levelId: string;
}

export interface ConditionRef {
  readonly conditionId: string;
  /** In declared factor order, so a dashboard can label the condition from the design. */
  readonly levels: readonly LevelRef[];
  /** False for a condition found in the data but not in the current design. */
  readonly inDesign: boolean;
}

/**
 * Every condition of the design, in canonical order, even those with no session yet (a gap in
 * enrolment must show); then any condition found only in the data, so no allocated session is
 * silently dropped from a count.
 */
export function listConditions(factors: readonly FactorSpec[], observed: Iterable<string>): ConditionRef[] {
  const designed = conditionsOf(factors).map((condition) => condition.id);
  const known = new Set(designed);
  const extra = [...new Set(observed)].filter((id) => !known.has(id)).sort();
  return [...designed.map((id) => refOf(id, true)), ...extra.map((id) => refOf(id, false))];
}

function refOf(conditionId: string, inDesign: boolean): ConditionRef {
  const levels = Object.entries(conditionLevels(conditionId)).map(([factorId, levelId]) => ({ factorId, levelId }));
  return { conditionId, levels, inDesign };
}
