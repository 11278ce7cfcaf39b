import { checkValue, isBlank } from './check-value';
import { isAnswerable, isRequired } from './item-rules';
import { readAnswerEntries } from './read-answers';
import type { Instrument, Item, ValidateOptions, ValidationIssue } from './types';

const NOT_AN_OBJECT: readonly ValidationIssue[] = [{ itemId: '', code: 'WRONG_TYPE' }];

/**
 * Checks answers against an instrument: the same rules on the phone (instant feedback) and in the
 * API (400 with these codes). Issues come in item order, then unknown keys in sorted order, at
 * most one issue per key. It never throws: `answers` may be anything a client can send.
 */
export function validateAnswers(
  instrument: Instrument,
  answers: unknown,
  // null tolerated as well: the API may pass options straight through.
  options: ValidateOptions | null = {},
): ValidationIssue[] {
  try {
    return collectIssues(instrument, answers, options?.partial === true);
  } catch {
    // Only a Proxy whose traps throw can get here; it is not a valid answers object either.
    return [...NOT_AN_OBJECT];
  }
}

function collectIssues(instrument: Instrument, answers: unknown, partial: boolean): ValidationIssue[] {
  const entries = readAnswerEntries(answers);
  if (entries === null) return [...NOT_AN_OBJECT];
  const issues: ValidationIssue[] = [];
  const known = new Set<string>();
  for (const item of instrument.items) {
    known.add(item.id);
    const code = itemIssue(item, entries.get(item.id), partial);
    if (code !== null) issues.push({ itemId: item.id, code });
  }
  const unknown = [...entries.keys()].filter((key) => !known.has(key)).sort();
  for (const key of unknown) issues.push({ itemId: key, code: 'UNKNOWN_ITEM' });
  return issues;
}

function itemIssue(item: Item, value: unknown, partial: boolean): ValidationIssue['code'] | null {
  // An instruction exists, so an answer to it is not UNKNOWN_ITEM; it is a value of the wrong
  // type (it takes none). A null there is harmless: clients may send every id with null.
  if (!isAnswerable(item)) return value === null || value === undefined ? null : 'WRONG_TYPE';
  if (isBlank(item, value)) return isRequired(item) && !partial ? 'REQUIRED' : null;
  return checkValue(item, value);
}
