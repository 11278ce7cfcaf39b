import {
  checkInteger,
  checkKeys,
  checkNonEmptyString,
  checkOptionalBoolean,
  checkPattern,
  checkText,
  checkUnique,
  ID_PATTERN,
  isRecord,
  OPTION_PATTERN,
  own,
  report,
  show,
  type CheckContext,
} from './check-basics';
import { IOS_POINTS } from './item-rules';
import type { ItemKind } from './types';

type Fields = Readonly<Record<string, unknown>>;

const BASE = ['kind', 'id', 'text', 'required'];
const KIND_KEYS: Readonly<Record<ItemKind, readonly string[]>> = {
  likert: [...BASE, 'points', 'min', 'pointLabels', 'endLabels', 'reverse'],
  ios: [...BASE, 'selfLabel', 'otherLabel', 'pointLabels', 'pictureLabels', 'codebookLabels'],
  slider: [...BASE, 'endLabels', 'reverse'],
  'single-choice': [...BASE, 'options'],
  'multi-choice': [...BASE, 'options', 'minSelected', 'maxSelected'],
  numeric: [...BASE, 'min', 'max', 'integer', 'unit', 'reverse'],
  text: [...BASE, 'maxLength', 'multiline', 'identifying'],
  instruction: ['kind', 'id', 'text'],
  'attention-check': [...BASE, 'style', 'options', 'expected'],
  'manipulation-check': [...BASE, 'purpose', 'options', 'factor', 'expectedByLevel', 'probe', 'expectedBySetting'],
};
const MAX_TEXT_LENGTH = 100_000;

function isKind(value: unknown): value is ItemKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(KIND_KEYS, value);
}

/** Checks one item; returns its kind when the item is at least recognisable. */
export function checkItem(context: CheckContext, item: unknown, path: string): ItemKind | null {
  if (!isRecord(item)) {
    report(context, path, 'must be an object');
    return null;
  }
  const kind = own(item, 'kind');
  if (!isKind(kind)) {
    report(context, `${path}.kind`, `unknown item kind ${show(kind)}`);
    return null;
  }
  checkKeys(context, item, KIND_KEYS[kind], path);
  checkPattern(context, own(item, 'id'), ID_PATTERN, `${path}.id`);
  checkText(context, own(item, 'text'), `${path}.text`);
  checkOptionalBoolean(context, own(item, 'required'), `${path}.required`);
  KIND_CHECKS[kind](context, item, path);
  return kind;
}

const KIND_CHECKS: Readonly<Record<ItemKind, (c: CheckContext, i: Fields, p: string) => void>> = {
  likert: checkLikert,
  ios: checkIos,
  slider: (context, item, path) => {
    checkEndLabels(context, own(item, 'endLabels'), `${path}.endLabels`);
    checkOptionalBoolean(context, own(item, 'reverse'), `${path}.reverse`);
  },
  'single-choice': (context, item, path) => void checkOptions(context, item, path),
  'multi-choice': checkMultiChoice,
  numeric: checkNumeric,
  text: (context, item, path) => {
    checkInteger(context, own(item, 'maxLength'), `${path}.maxLength`, { min: 1, max: MAX_TEXT_LENGTH });
    checkOptionalBoolean(context, own(item, 'multiline'), `${path}.multiline`);
    checkOptionalBoolean(context, own(item, 'identifying'), `${path}.identifying`);
  },
  instruction: () => undefined,
  'attention-check': checkAttention,
  'manipulation-check': checkManipulation,
};

function checkEndLabels(context: CheckContext, value: unknown, path: string): void {
  if (!isRecord(value)) {
    report(context, path, 'must be { min, max } labels');
    return;
  }
  checkKeys(context, value, ['min', 'max'], path);
  checkText(context, own(value, 'min'), `${path}.min`);
  checkText(context, own(value, 'max'), `${path}.max`);
}

function checkLabelList(context: CheckContext, value: unknown, count: number, path: string): void {
  if (!Array.isArray(value) || value.length !== count) {
    report(context, path, `must be a list of ${count} labels, one per point`);
    return;
  }
  value.forEach((label: unknown, index) => checkText(context, label, `${path}[${index}]`));
}

function checkLikert(context: CheckContext, item: Fields, path: string): void {
  const points = own(item, 'points');
  const pointsOk = checkInteger(context, points, `${path}.points`, { min: 2, max: 11 });
  const min = own(item, 'min');
  if (min !== undefined) checkInteger(context, min, `${path}.min`, { min: -1000, max: 1000 });
  const pointLabels = own(item, 'pointLabels');
  const endLabels = own(item, 'endLabels');
  if ((pointLabels === undefined) === (endLabels === undefined)) {
    report(context, path, 'needs exactly one of pointLabels (one per point) or endLabels');
  }
  if (pointLabels !== undefined && pointsOk) {
    checkLabelList(context, pointLabels, points, `${path}.pointLabels`);
  }
  if (endLabels !== undefined) checkEndLabels(context, endLabels, `${path}.endLabels`);
  checkOptionalBoolean(context, own(item, 'reverse'), `${path}.reverse`);
}

function checkIos(context: CheckContext, item: Fields, path: string): void {
  checkText(context, own(item, 'selfLabel'), `${path}.selfLabel`);
  checkText(context, own(item, 'otherLabel'), `${path}.otherLabel`);
  const pointLabels = own(item, 'pointLabels');
  const pictureLabels = own(item, 'pictureLabels');
  const codebookLabels = own(item, 'codebookLabels');
  if ((pointLabels === undefined) === (pictureLabels === undefined)) {
    report(context, path, 'needs exactly one of pointLabels (visible) or pictureLabels (accessible names)');
  }
  if (codebookLabels !== undefined && pointLabels !== undefined) {
    report(context, `${path}.codebookLabels`, 'only with pictureLabels: pointLabels already label the codebook');
  }
  for (const [key, labels] of [
    ['pointLabels', pointLabels],
    ['pictureLabels', pictureLabels],
    ['codebookLabels', codebookLabels],
  ] as const) {
    if (labels !== undefined) checkLabelList(context, labels, IOS_POINTS, `${path}.${key}`);
  }
}

/** Checks the options list and returns the option values it holds. */
function checkOptions(context: CheckContext, item: Fields, path: string): readonly string[] {
  const options = own(item, 'options');
  if (!Array.isArray(options) || options.length === 0) {
    report(context, `${path}.options`, 'must be a non-empty list');
    return [];
  }
  const values = options.map((option: unknown, index) => {
    const at = `${path}.options[${index}]`;
    if (!isRecord(option)) {
      report(context, at, 'must be { value, label }');
      return undefined;
    }
    checkKeys(context, option, ['value', 'label'], at);
    checkText(context, own(option, 'label'), `${at}.label`);
    const value = own(option, 'value');
    return checkPattern(context, value, OPTION_PATTERN, `${at}.value`) ? value : undefined;
  });
  checkUnique(
    context,
    values.filter((v) => v !== undefined),
    () => `${path}.options`,
    'option value',
  );
  return values.filter((value): value is string => value !== undefined);
}

function checkMultiChoice(context: CheckContext, item: Fields, path: string): void {
  const count = checkOptions(context, item, path).length;
  const min = own(item, 'minSelected') ?? 0;
  const max = own(item, 'maxSelected') ?? count;
  const minOk = checkInteger(context, min, `${path}.minSelected`, { min: 0, max: count });
  const maxOk = checkInteger(context, max, `${path}.maxSelected`, { min: 1, max: count });
  if (minOk && maxOk && min > max) report(context, path, 'minSelected is greater than maxSelected');
}

function checkNumeric(context: CheckContext, item: Fields, path: string): void {
  const min = own(item, 'min');
  const max = own(item, 'max');
  const integer = own(item, 'integer');
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!finite(min)) report(context, `${path}.min`, 'must be a finite number');
  if (!finite(max)) report(context, `${path}.max`, 'must be a finite number');
  if (finite(min) && finite(max) && min >= max) {
    report(context, path, `bounds reversed or empty: min ${min} must be less than max ${max}`);
  }
  if (typeof integer !== 'boolean') report(context, `${path}.integer`, 'must be a boolean');
  if (integer === true && !(Number.isInteger(min) && Number.isInteger(max))) {
    report(context, path, 'an integer item needs integer bounds');
  }
  if (own(item, 'unit') !== undefined) checkText(context, own(item, 'unit'), `${path}.unit`);
  checkOptionalBoolean(context, own(item, 'reverse'), `${path}.reverse`);
}

function checkAttention(context: CheckContext, item: Fields, path: string): void {
  const values = checkOptions(context, item, path);
  const style = own(item, 'style');
  if (style !== 'instructed' && style !== 'nonsensical') {
    report(context, `${path}.style`, 'must be "instructed" or "nonsensical"');
  }
  // Prolific: a nonsensical item must not offer a neutral midpoint; an odd count would.
  if (style === 'nonsensical' && values.length % 2 === 1) {
    report(context, `${path}.options`, 'a nonsensical check needs an even number of options');
  }
  const expected = own(item, 'expected');
  if (typeof expected !== 'string' || !values.includes(expected)) {
    report(context, `${path}.expected`, 'must be the value of one of the options');
  }
}

function checkManipulation(context: CheckContext, item: Fields, path: string): void {
  const values = checkOptions(context, item, path);
  const purpose = own(item, 'purpose');
  if (purpose !== 'manipulation' && purpose !== 'recollection') {
    report(context, `${path}.purpose`, 'must be "manipulation" or "recollection"');
  }
  const factor = own(item, 'factor');
  const probe = own(item, 'probe');
  if (factor !== undefined && probe !== undefined) {
    report(context, path, 'needs exactly one of factor (with expectedByLevel) or probe, not both');
  }
  if (factor !== undefined) checkPattern(context, factor, ID_PATTERN, `${path}.factor`);
  if (probe !== undefined) checkPattern(context, probe, ID_PATTERN, `${path}.probe`);
  const byLevel = own(item, 'expectedByLevel');
  const bySetting = own(item, 'expectedBySetting');
  if (factor === undefined && probe === undefined && bySetting === undefined && byLevel === undefined) {
    report(context, path, 'needs exactly one of factor (with expectedByLevel) or probe');
  }
  if (byLevel !== undefined) {
    if (factor === undefined) report(context, `${path}.factor`, 'expectedByLevel needs a factor');
    checkExpectedMap(context, byLevel, values, `${path}.expectedByLevel`, 'level codes');
  }
  if (bySetting !== undefined) {
    if (probe === undefined) report(context, `${path}.probe`, 'expectedBySetting needs a probe');
    checkExpectedMap(context, bySetting, values, `${path}.expectedBySetting`, 'setting values');
  }
}

function checkExpectedMap(context: CheckContext, expected: unknown, values: readonly string[], path: string, what: string): void {
  if (!isRecord(expected)) {
    report(context, path, `must map ${what} to option values`);
    return;
  }
  for (const [key, value] of Object.entries(expected)) {
    checkNonEmptyString(context, key, path);
    if (typeof value !== 'string' || !values.includes(value)) {
      report(context, `${path}.${key}`, 'must be the value of one of the options');
    }
  }
}
