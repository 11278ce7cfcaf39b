import type { DefinitionProblem } from './definition-error';

// Small checks shared by the instrument, item and scale checks. Definitions may come from JSON
// (a researcher's upload, a stored protocol), so every check starts from `unknown`.

export const ID_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
export const OPTION_PATTERN = /^[a-z0-9][a-z0-9_]{0,31}$/;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Z]{2})?$/;

export interface CheckContext {
  readonly languages: readonly string[];
  readonly problems: DefinitionProblem[];
}

/** A value as it appears in a message. JSON.stringify returns undefined for undefined, functions
 * and symbols, although its declared type says string. */
export function show(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  return json ?? 'nothing';
}

export function report(context: CheckContext, path: string, message: string): void {
  context.problems.push({ path, message });
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function own(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Reports keys outside `allowed`: a misspelt `reverese` must not silently drop reverse-keying. */
export function checkKeys(
  context: CheckContext,
  record: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
  path: string,
): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) report(context, `${path}.${key}`, 'unknown property');
  }
}

export function checkPattern(context: CheckContext, value: unknown, pattern: RegExp, path: string): value is string {
  if (typeof value === 'string' && pattern.test(value)) return true;
  report(context, path, `must match ${String(pattern)}, got ${show(value)}`);
  return false;
}

export function checkNonEmptyString(context: CheckContext, value: unknown, path: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    report(context, path, 'must be a non-empty string');
  }
}

export function checkOptionalBoolean(context: CheckContext, value: unknown, path: string): void {
  if (value !== undefined && typeof value !== 'boolean') report(context, path, 'must be a boolean');
}

export function checkInteger(
  context: CheckContext,
  value: unknown,
  path: string,
  range: { readonly min: number; readonly max: number },
): value is number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max) {
    return true;
  }
  report(context, path, `must be an integer from ${String(range.min)} to ${String(range.max)}`);
  return false;
}

/** A LocalizedText: every declared language, non-empty, and no undeclared language. */
export function checkText(context: CheckContext, value: unknown, path: string): void {
  if (!isRecord(value)) {
    report(context, path, 'must be an object of translations, e.g. { "en": "…" }');
    return;
  }
  for (const language of context.languages) {
    const text = own(value, language);
    if (text === undefined) report(context, `${path}.${language}`, 'missing translation');
    else checkNonEmptyString(context, text, `${path}.${language}`);
  }
  for (const key of Object.keys(value)) {
    if (!context.languages.includes(key)) {
      report(context, `${path}.${key}`, 'language not declared in languages');
    }
  }
}

/** Reports ids that appear more than once in a list. */
export function checkUnique(context: CheckContext, values: readonly unknown[], path: (index: number) => string, what: string): void {
  const seen = new Set<unknown>();
  values.forEach((value, index) => {
    if (seen.has(value)) report(context, path(index), `duplicate ${what} ${JSON.stringify(value)}`);
    seen.add(value);
  });
}
