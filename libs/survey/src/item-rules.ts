import type { AnswerableItem, ChoiceItem, Instrument, Item, ScaleBounds, ScoredItem } from './types';

/** The fixed range of the IOS pictures (Aron, Aron & Smollan 1992). */
export const IOS_POINTS = 7;
export const SLIDER_MIN = 0;
export const SLIDER_MAX = 100;

export function isAnswerable(item: Item): item is AnswerableItem {
  return item.kind !== 'instruction';
}

/**
 * Ids of the free-text items flagged as possibly identifying: their answers are deleted with the
 * external ids when a study's retention period ends.
 */
export function identifyingItemIds(instrument: Instrument): string[] {
  return instrument.items.flatMap((item) => (item.kind === 'text' && item.identifying === true ? [item.id] : []));
}

export function isScoredItem(item: Item): item is ScoredItem {
  return item.kind === 'likert' || item.kind === 'ios' || item.kind === 'slider' || item.kind === 'numeric';
}

export function isChoiceItem(item: Item): item is ChoiceItem {
  return item.kind === 'single-choice' || item.kind === 'attention-check' || item.kind === 'manipulation-check';
}

export function isRequired(item: Item): boolean {
  return isAnswerable(item) && item.required !== false;
}

/** The declared bounds of a scored item: reverse-coding and scale bounds use these, never data. */
export function itemBounds(item: ScoredItem): ScaleBounds {
  switch (item.kind) {
    case 'likert': {
      const min = item.min ?? 1;
      return { min, max: min + item.points - 1 };
    }
    case 'ios':
      return { min: 1, max: IOS_POINTS };
    case 'slider':
      return { min: SLIDER_MIN, max: SLIDER_MAX };
    case 'numeric':
      return { min: item.min, max: item.max };
  }
}

export function isReverseKeyed(item: ScoredItem): boolean {
  return item.kind !== 'ios' && item.reverse === true;
}

/** (min + max) − raw. Applying it twice gives the raw value back. */
export function reverseScore(raw: number, bounds: ScaleBounds): number {
  return bounds.min + bounds.max - raw;
}

/** Items keyed by id. A Map, so that keys such as "constructor" never reach Object.prototype. */
export function itemsById(items: readonly Item[]): ReadonlyMap<string, Item> {
  return new Map(items.map((item) => [item.id, item]));
}
