import { checkValue } from './check-value';
import { isReverseKeyed, isScoredItem, itemBounds, itemsById, reverseScore } from './item-rules';
import { readAnswerEntries } from './read-answers';
import type { Instrument, Item, Scale, ScaleBounds, Scores, ScoredItem } from './types';

// Tolerance for shares such as 6/7 written as a decimal: 0.857 of 7 items must still mean 6.
const SHARE_EPSILON = 1e-9;

/** How many of a scale's items must be answered before it gets a score. */
export function requiredAnswerCount(scale: Scale): number {
  const count = Math.ceil(scale.minAnswered * scale.items.length - SHARE_EPSILON);
  return Math.min(scale.items.length, Math.max(1, count));
}

/**
 * scale id → score, or null when fewer than the scale's minAnswered share of items hold a valid
 * answer. Invalid values count as unanswered, so scoring is total: it never throws, and it agrees
 * with validateAnswers about what an answer is. Reverse-keyed items are coded (min + max) − raw
 * with the item's declared bounds.
 */
export function scoreAnswers(instrument: Instrument, answers: unknown): Scores {
  const scores: Record<string, number | null> = {};
  let entries: ReadonlyMap<string, unknown> | null = null;
  try {
    entries = readAnswerEntries(answers);
  } catch {
    entries = null;
  }
  const items = itemsById(instrument.items);
  for (const scale of instrument.scales) {
    scores[scale.id] = entries === null ? null : scoreScale(scale, items, entries);
  }
  return scores;
}

function scoredItem(items: ReadonlyMap<string, Item>, id: string): ScoredItem | undefined {
  const item = items.get(id);
  return item !== undefined && isScoredItem(item) ? item : undefined;
}

function scoreScale(scale: Scale, items: ReadonlyMap<string, Item>, entries: ReadonlyMap<string, unknown>): number | null {
  let sum = 0;
  let answered = 0;
  // Iterating the scale's own item list (not the answers) makes the float sum independent of the
  // order in which answers were given.
  for (const id of scale.items) {
    const item = scoredItem(items, id);
    const value = entries.get(id);
    if (item === undefined || typeof value !== 'number' || checkValue(item, value) !== null) {
      continue;
    }
    sum += isReverseKeyed(item) ? reverseScore(value, itemBounds(item)) : value;
    answered += 1;
  }
  if (answered < requiredAnswerCount(scale)) return null;
  if (scale.method === 'mean') return sum / answered;
  // Prorated sum (person-mean imputation): keeps an incomplete sum on the full scale's metric.
  // Multiplying before dividing keeps a complete integer sum exact.
  return answered === scale.items.length ? sum : (sum * scale.items.length) / answered;
}

/** The range a scale's score can take, from the items' declared bounds. */
export function scaleBounds(instrument: Instrument, scaleId: string): ScaleBounds | undefined {
  const scale = instrument.scales.find((candidate) => candidate.id === scaleId);
  const first = scale?.items[0];
  const item = first === undefined ? undefined : scoredItem(itemsById(instrument.items), first);
  if (scale === undefined || item === undefined) return undefined;
  // defineInstrument guarantees that all items of a scale share their bounds.
  const bounds = itemBounds(item);
  if (scale.method === 'mean') return bounds;
  const count = scale.items.length;
  return { min: bounds.min * count, max: bounds.max * count };
}
