import { attentionCheckResults, type Instrument, manipulationCheckResults } from '@attune/survey';
import { conditionLevels } from '../randomisation/design';

/** What a session's condition means for its checks: factor → level, and probe → setting (levels' `sets`). */
export interface ConditionFacts {
  readonly levels: Readonly<Record<string, string>>;
  readonly settings: Readonly<Record<string, string>>;
}

interface FrozenLevel {
  readonly id: string;
  readonly sets?: Readonly<Record<string, unknown>>;
}

interface FrozenFactor {
  readonly id: string;
  readonly levels: readonly FrozenLevel[];
}

function isFrozenFactor(value: unknown): value is FrozenFactor {
  if (typeof value !== 'object' || value === null) return false;
  const factor = value as Record<string, unknown>;
  return (
    typeof factor['id'] === 'string' &&
    Array.isArray(factor['levels']) &&
    factor['levels'].every(
      (level: unknown) => typeof level === 'object' && level !== null && typeof (level as Record<string, unknown>)['id'] === 'string',
    )
  );
}

/**
 * Reads the frozen protocol's factors (raw jsonb, checked here at the boundary) for the session's
 * condition. A session without a condition has no facts: its checks score null.
 */
export function conditionFacts(frozenFactors: unknown, conditionId: string | null): ConditionFacts {
  if (conditionId === null) return { levels: {}, settings: {} };
  const levels = conditionLevels(conditionId);
  const factors = Array.isArray(frozenFactors) ? frozenFactors.filter(isFrozenFactor) : [];
  const settings: Record<string, string> = {};
  for (const factor of factors) {
    const sets = factor.levels.find((level) => level.id === levels[factor.id])?.sets ?? {};
    for (const [probe, setting] of Object.entries(sets)) if (typeof setting === 'string') settings[probe] = setting;
  }
  return { levels, settings };
}

/**
 * Attention and manipulation check results of one instrument's answers (item id → pass, fail or
 * null), or null when the instrument has no check items. A failed check is data, never a 400.
 */
export function checkResultsFor(instrument: Instrument, answers: unknown, facts: ConditionFacts): Record<string, boolean | null> | null {
  if (!instrument.items.some((item) => item.kind === 'attention-check' || item.kind === 'manipulation-check')) return null;
  return { ...attentionCheckResults(instrument, answers), ...manipulationCheckResults(instrument, answers, facts.levels, facts.settings) };
}
