import { checkValue } from './check-value';
import { readAnswerEntries } from './read-answers';
import type { Instrument, Item } from './types';

// A failed attention or manipulation check is data, not a validation error: validateAnswers
// accepts any offered option, and these functions say whether the answer was the right one.

export type CheckResults = Readonly<Record<string, boolean | null>>;

function safeEntries(answers: unknown): ReadonlyMap<string, unknown> {
  try {
    return readAnswerEntries(answers) ?? new Map();
  } catch {
    return new Map();
  }
}

function chosenOption(item: Item, entries: ReadonlyMap<string, unknown>): string | null {
  if (item.kind !== 'attention-check' && item.kind !== 'manipulation-check') return null;
  const value = entries.get(item.id);
  // Unanswered or invalid answers are neither a pass nor a fail.
  return typeof value === 'string' && checkValue(item, value) === null ? value : null;
}

/**
 * attention-check item id → true (the expected option), false (another option), or null
 * (unanswered or invalid). Prolific: with studies of 5+ minutes, reject only after 2 failures.
 */
export function attentionCheckResults(instrument: Instrument, answers: unknown): CheckResults {
  const entries = safeEntries(answers);
  const results: Record<string, boolean | null> = {};
  for (const item of instrument.items) {
    if (item.kind !== 'attention-check') continue;
    const chosen = chosenOption(item, entries);
    results[item.id] = chosen === null ? null : chosen === item.expected;
  }
  return results;
}

/**
 * manipulation-check item id → whether the answer matches what a participant in the session's
 * condition should say. `levels` maps factor → level code (e.g. { phone: 'present' }). null when
 * unanswered, invalid, or when the item declares no expectation for that level.
 */
export function manipulationCheckResults(
  instrument: Instrument,
  answers: unknown,
  levels: Readonly<Record<string, string>>,
): CheckResults {
  const entries = safeEntries(answers);
  const results: Record<string, boolean | null> = {};
  for (const item of instrument.items) {
    if (item.kind !== 'manipulation-check') continue;
    const level = item.factor === undefined ? undefined : ownString(levels, item.factor);
    const expected =
      level === undefined || item.expectedByLevel === undefined
        ? undefined
        : ownString(item.expectedByLevel, level);
    const chosen = chosenOption(item, entries);
    results[item.id] = chosen === null || expected === undefined ? null : chosen === expected;
  }
  return results;
}

/** Own string property only: a level called "constructor" must not find Object.prototype's. */
function ownString(record: Readonly<Record<string, string>>, key: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(record, key)) return undefined;
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}
