import { checkValue, isBlank } from './check-value';
import { isAnswerable } from './item-rules';
import { readAnswerEntries } from './read-answers';
import { scoreAnswers } from './score-answers';
import type { ExportCell, Instrument, Item } from './types';

/**
 * One participant's cells, aligned with exportColumns(instrument): raw answers (a multi-choice
 * item as 1/0 per option), then scale scores. A missing or invalid answer is an empty cell (null),
 * never a guess: stored answers have passed validateAnswers already.
 */
export function exportRow(instrument: Instrument, answers: unknown): ExportCell[] {
  let entries: ReadonlyMap<string, unknown>;
  try {
    entries = readAnswerEntries(answers) ?? new Map();
  } catch {
    entries = new Map();
  }
  const cells: ExportCell[] = [];
  for (const item of instrument.items) cells.push(...itemCells(item, entries.get(item.id)));
  const scores = scoreAnswers(instrument, answers);
  for (const scale of instrument.scales) cells.push(scores[scale.id] ?? null);
  return cells;
}

function itemCells(item: Item, value: unknown): ExportCell[] {
  if (!isAnswerable(item)) return [];
  const valid = !isBlank(item, value) && checkValue(item, value) === null;
  if (item.kind === 'multi-choice') {
    const chosen = valid && Array.isArray(value) ? (value as readonly unknown[]) : null;
    return item.options.map((option) => (chosen === null ? null : chosen.includes(option.value) ? 1 : 0));
  }
  return [valid && (typeof value === 'number' || typeof value === 'string') ? value : null];
}
