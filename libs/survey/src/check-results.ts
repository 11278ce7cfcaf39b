import { checkValue } from './check-value';
import { readAnswerEntries } from './read-answers';
import type { Instrument, Item, ManipulationCheckItem } from './types';

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
 * condition should say. null when unanswered, invalid, or when no right answer is known.
 *
 * - A **probe** item reads `settings[item.probe]` (what the design's levels set, e.g.
 *   { table_object: 'notebook' }) and maps it through `expectedBySetting` (or takes it as is).
 * - A **factor** item (v1) reads `levels[item.factor]` (e.g. { phone: 'present' }) and maps it
 *   through `expectedByLevel`.
 */
export function manipulationCheckResults(
  instrument: Instrument,
  answers: unknown,
  levels: Readonly<Record<string, string>>,
  settings: Readonly<Record<string, string>> = {},
): CheckResults {
  const entries = safeEntries(answers);
  const results: Record<string, boolean | null> = {};
  for (const item of instrument.items) {
    if (item.kind !== 'manipulation-check') continue;
    const expected = expectedFor(item, levels, settings);
    const chosen = chosenOption(item, entries);
    results[item.id] = chosen === null || expected === undefined ? null : chosen === expected;
  }
  return results;
}

function expectedFor(
  item: ManipulationCheckItem,
  levels: Readonly<Record<string, string>>,
  settings: Readonly<Record<string, string>>,
): string | undefined {
  const key = item.probe ?? item.factor;
  if (key === undefined) return undefined;
  const value = ownString(item.probe === undefined ? levels : settings, key);
  return value === undefined ? undefined : expectedCheckAnswer(item, value);
}

/**
 * The option a participant should choose when the probed set-up has this value: for a probe item,
 * `setting` mapped through expectedBySetting (identity when absent); for a factor item, `setting`
 * is a level code mapped through expectedByLevel. undefined when the mapping has no entry or the
 * result is not one of the item's options. The API uses it to validate a design at launch.
 */
export function expectedCheckAnswer(item: ManipulationCheckItem, setting: string): string | undefined {
  let expected: string | undefined;
  if (item.probe !== undefined) {
    expected = item.expectedBySetting === undefined ? setting : ownString(item.expectedBySetting, setting);
  } else if (item.expectedByLevel !== undefined) {
    expected = ownString(item.expectedByLevel, setting);
  }
  return item.options.some((option) => option.value === expected) ? expected : undefined;
}

/** The distinct probes of an instrument's manipulation checks, in item order. */
export function manipulationProbes(instrument: Instrument): string[] {
  const probes: string[] = [];
  for (const item of instrument.items) {
    if (item.kind !== 'manipulation-check' || item.probe === undefined) continue;
    if (!probes.includes(item.probe)) probes.push(item.probe);
  }
  return probes;
}

/** Own string property only: a level called "constructor" must not find Object.prototype's. */
function ownString(record: Readonly<Record<string, string>>, key: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(record, key)) return undefined;
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}
