import {
  checkInteger,
  checkKeys,
  checkNonEmptyString,
  checkPattern,
  checkText,
  checkUnique,
  ID_PATTERN,
  isRecord,
  LANGUAGE_PATTERN,
  own,
  report,
  type CheckContext,
} from './check-basics';
import { checkItem } from './check-items';
import { checkScale } from './check-scales';
import { optionColumnName, scaleColumnName } from './column-names';
import type { DefinitionProblem } from './definition-error';
import { isAnswerable } from './item-rules';
import type { Instrument, Item } from './types';

const INSTRUMENT_KEYS = ['id', 'version', 'title', 'citation', 'licence', 'languages', 'items', 'scales'];

/** Every problem with a definition; an empty list means it is a valid Instrument. */
export function checkInstrument(input: unknown): DefinitionProblem[] {
  const context: CheckContext = { languages: [], problems: [] };
  if (!isRecord(input)) {
    report(context, '$', 'an instrument must be an object');
    return context.problems;
  }
  checkKeys(context, input, INSTRUMENT_KEYS, '$');
  checkPattern(context, own(input, 'id'), ID_PATTERN, 'id');
  checkInteger(context, own(input, 'version'), 'version', { min: 1, max: Number.MAX_SAFE_INTEGER });
  const languages = checkLanguages(context, own(input, 'languages'));
  const scoped: CheckContext = { languages, problems: context.problems };
  checkText(scoped, own(input, 'title'), 'title');
  checkNonEmptyString(scoped, own(input, 'citation'), 'citation');
  checkNonEmptyString(scoped, own(input, 'licence'), 'licence');
  const items = checkItems(scoped, own(input, 'items'));
  checkScales(scoped, own(input, 'scales'), items);
  // Column names are only meaningful once the shape is right.
  if (context.problems.length === 0) checkColumnNames(scoped, input as unknown as Instrument);
  return context.problems;
}

function checkLanguages(context: CheckContext, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    report(context, 'languages', 'must be a non-empty list of language codes');
    return [];
  }
  checkUnique(context, value, (index) => `languages[${index}]`, 'language');
  return value.filter((language: unknown, index): language is string =>
    checkPattern(context, language, LANGUAGE_PATTERN, `languages[${index}]`),
  );
}

/** Checks the items and returns the recognisable ones by id, for the scale checks. */
function checkItems(context: CheckContext, value: unknown): ReadonlyMap<string, Item> {
  const byId = new Map<string, Item>();
  if (!Array.isArray(value) || value.length === 0) {
    report(context, 'items', 'must be a non-empty list');
    return byId;
  }
  const ids = value.map((item: unknown) => (isRecord(item) ? own(item, 'id') : undefined));
  checkUnique(context, ids, (index) => `items[${index}].id`, 'item id');
  value.forEach((item: unknown, index) => {
    const kind = checkItem(context, item, `items[${index}]`);
    const id = ids[index];
    if (kind !== null && typeof id === 'string' && !byId.has(id)) byId.set(id, item as Item);
  });
  return byId;
}

function checkScales(context: CheckContext, value: unknown, items: ReadonlyMap<string, Item>): void {
  if (!Array.isArray(value)) {
    report(context, 'scales', 'must be a list (possibly empty)');
    return;
  }
  const ids = value.map((scale: unknown) => (isRecord(scale) ? own(scale, 'id') : undefined));
  checkUnique(context, ids, (index) => `scales[${index}].id`, 'scale id');
  value.forEach((scale: unknown, index) => checkScale(context, scale, `scales[${index}]`, items));
}

function checkColumnNames(context: CheckContext, instrument: Instrument): void {
  const names: string[] = [];
  for (const item of instrument.items) {
    if (item.kind === 'multi-choice') {
      names.push(...item.options.map((option) => optionColumnName(item.id, option.value)));
    } else if (isAnswerable(item)) {
      names.push(item.id);
    }
  }
  names.push(...instrument.scales.map((scale) => scaleColumnName(scale.id)));
  checkUnique(context, names, () => 'columns', 'export column name');
}
