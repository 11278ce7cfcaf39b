import { itemBounds } from './item-rules';
import type { AnswerableItem, ChoiceOption, MultiChoiceItem, ScoredItem, TextItem, ValidationCode } from './types';

// One function per kind decides whether a given (non-null) value is acceptable. Validation and
// scoring both go through here, so the phone, the API and the scores can never disagree.

/** The code for a given value, or null when the value is acceptable. `value` may be anything. */
export function checkValue(item: AnswerableItem, value: unknown): ValidationCode | null {
  switch (item.kind) {
    case 'likert':
    case 'ios':
    case 'slider':
    case 'numeric':
      return checkNumber(item, value);
    case 'single-choice':
    case 'attention-check':
    case 'manipulation-check':
      return checkOption(item.options, value);
    case 'multi-choice':
      return checkSelection(item, value);
    case 'text':
      return checkText(item, value);
  }
}

/** True when the value counts as "not answered" for REQUIRED. */
export function isBlank(item: AnswerableItem, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  // A whitespace-only text is not an answer to a required question.
  return item.kind === 'text' && typeof value === 'string' && value.trim() === '';
}

function needsInteger(item: ScoredItem): boolean {
  return item.kind === 'likert' || item.kind === 'ios' || (item.kind === 'numeric' && item.integer);
}

function checkNumber(item: ScoredItem, value: unknown): ValidationCode | null {
  // NaN and ±Infinity cannot come out of JSON; treat them as the wrong type, not as a range error.
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'WRONG_TYPE';
  if (needsInteger(item) && !Number.isInteger(value)) return 'NOT_AN_INTEGER';
  const { min, max } = itemBounds(item);
  return value < min || value > max ? 'OUT_OF_RANGE' : null;
}

function hasOption(options: readonly ChoiceOption[], value: string): boolean {
  return options.some((option) => option.value === value);
}

function checkOption(options: readonly ChoiceOption[], value: unknown): ValidationCode | null {
  if (typeof value !== 'string') return 'WRONG_TYPE';
  return hasOption(options, value) ? null : 'NOT_AN_OPTION';
}

function checkSelection(item: MultiChoiceItem, value: unknown): ValidationCode | null {
  if (!Array.isArray(value)) return 'WRONG_TYPE';
  const seen = new Set<string>();
  // Index loop rather than for-of: a sparse array's holes must be seen (as WRONG_TYPE).
  for (let index = 0; index < value.length; index += 1) {
    const element: unknown = value[index];
    if (typeof element !== 'string' || seen.has(element)) return 'WRONG_TYPE';
    if (!hasOption(item.options, element)) return 'NOT_AN_OPTION';
    seen.add(element);
  }
  const min = item.minSelected ?? 0;
  const max = item.maxSelected ?? item.options.length;
  return seen.size < min || seen.size > max ? 'OUT_OF_RANGE' : null;
}

/** Length in Unicode code points, so that an emoji counts once (as in PostgreSQL's char_length). */
export function codePointLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index += 1;
    length += 1;
  }
  return length;
}

function checkText(item: TextItem, value: unknown): ValidationCode | null {
  if (typeof value !== 'string') return 'WRONG_TYPE';
  // Every code point is one or two UTF-16 units: skip the count when the answer is surely too long.
  if (value.length > 2 * item.maxLength) return 'TOO_LONG';
  return codePointLength(value) > item.maxLength ? 'TOO_LONG' : null;
}
