import { optionColumnName, scaleColumnName } from './column-names';
import { isScoredItem, itemBounds, isReverseKeyed } from './item-rules';
import { localize } from './localize';
import type {
  AnswerableItem,
  ChoiceOption,
  ExportColumn,
  ExportValueLabel,
  Instrument,
  Language,
  LocalizedText,
  ScoredItem,
} from './types';

export interface ExportOptions {
  /** Language of labels; defaults to English when declared, else the first declared language. */
  readonly language?: Language;
}

type Context = { readonly language: Language; readonly scalesOf: ReadonlyMap<string, string[]> };

const BLANK = {
  itemId: null,
  option: null,
  scaleId: null,
  values: [],
  min: null,
  max: null,
  reverse: false,
  scales: [],
} as const;

/**
 * The columns an export writes for an instrument, in a stable order: each answerable item in
 * declaration order (a multi-choice item as one 0/1 column per option, in option order), then
 * each scale's score. Instructions have no column.
 */
export function exportColumns(instrument: Instrument, options: ExportOptions = {}): ExportColumn[] {
  const declared = instrument.languages;
  const language = options.language ?? (declared.includes('en') ? 'en' : (declared[0] ?? 'en'));
  const scalesOf = new Map<string, string[]>();
  for (const scale of instrument.scales) {
    for (const id of scale.items) scalesOf.set(id, [...(scalesOf.get(id) ?? []), scale.id]);
  }
  const context: Context = { language, scalesOf };
  const columns: ExportColumn[] = [];
  for (const item of instrument.items) {
    if (item.kind === 'multi-choice') columns.push(...optionColumns(item, context));
    else if (item.kind !== 'instruction') columns.push(itemColumn(item, context));
  }
  for (const scale of instrument.scales) {
    columns.push({
      ...BLANK,
      name: scaleColumnName(scale.id),
      source: 'scale',
      scaleId: scale.id,
      kind: 'scale',
      label: localize(scale.label, language),
      type: 'number',
    });
  }
  return columns;
}

function optionColumns(item: Extract<AnswerableItem, { kind: 'multi-choice' }>, context: Context): ExportColumn[] {
  const text = localize(item.text, context.language);
  return item.options.map((option) => ({
    ...BLANK,
    name: optionColumnName(item.id, option.value),
    source: 'option',
    itemId: item.id,
    option: option.value,
    kind: item.kind,
    type: 'boolean',
    label: `${text}: ${localize(option.label, context.language)}`,
    values: [
      { value: 0, label: null },
      { value: 1, label: null },
    ],
  }));
}

function itemColumn(item: Exclude<AnswerableItem, { kind: 'multi-choice' }>, context: Context): ExportColumn {
  const base = {
    ...BLANK,
    name: item.id,
    source: 'item',
    itemId: item.id,
    kind: item.kind,
    type: 'text',
    label: localize(item.text, context.language),
    scales: context.scalesOf.get(item.id) ?? [],
  } as const;
  if (isScoredItem(item)) return { ...base, ...scoredColumn(item, context.language) };
  if (item.kind === 'text') return base;
  return { ...base, values: optionLabels(item.options, context.language) };
}

type ScoredFields = Pick<ExportColumn, 'type' | 'min' | 'max' | 'reverse' | 'values'>;

function scoredColumn(item: ScoredItem, language: Language): ScoredFields {
  const { min, max } = itemBounds(item);
  const integer = item.kind !== 'slider' && (item.kind !== 'numeric' || item.integer);
  return {
    type: integer ? 'integer' : 'number',
    min,
    max,
    reverse: isReverseKeyed(item),
    values: item.kind === 'likert' || item.kind === 'ios' ? pointValues(item, language) : [],
  };
}

/**
 * Every point of a rating with its label: each point's own, the end labels at the ends, or an
 * IOS item's codebook labels (never its accessible picture names).
 */
function pointValues(item: Extract<ScoredItem, { kind: 'likert' | 'ios' }>, language: Language): ExportValueLabel[] {
  const { min, max } = itemBounds(item);
  const labelAt = (value: number): LocalizedText | undefined => {
    if (item.pointLabels !== undefined) return item.pointLabels[value - min];
    if (item.kind === 'ios') return item.codebookLabels?.[value - min];
    if (item.kind === 'likert' && value === min) return item.endLabels?.min;
    if (item.kind === 'likert' && value === max) return item.endLabels?.max;
    return undefined;
  };
  const values: ExportValueLabel[] = [];
  for (let value = min; value <= max; value += 1) {
    const label = labelAt(value);
    values.push({ value, label: label === undefined ? null : localize(label, language) });
  }
  return values;
}

function optionLabels(options: readonly ChoiceOption[], language: Language): ExportValueLabel[] {
  return options.map((option) => ({ value: option.value, label: localize(option.label, language) }));
}
