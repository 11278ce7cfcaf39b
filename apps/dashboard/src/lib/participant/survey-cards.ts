import { type AnswerValue, type Instrument, isAnswerable, type Item, localize, validateAnswers } from '@attune/survey';
import type { PhaseAnswerMap } from './survey-store';

/** One card of the phase: an item, with the instruction it answers to as context. */
export interface Card {
  readonly instrument: Instrument;
  readonly item: Item;
  readonly context: string | null;
  /** 1-based number among answerable items; null for instruction cards. */
  readonly number: number | null;
}

export function cardKey(instrumentId: string, itemId: string): string {
  return `${instrumentId}/${itemId}`;
}

/**
 * The phase's items, one per card, in instrument and item order. An instruction heads its own card
 * and is repeated above the items after it, so "Upset" is never shown without "how do you feel now".
 */
export function buildCards(instruments: readonly Instrument[], language: string): Card[] {
  const cards: Card[] = [];
  let number = 0;
  for (const instrument of instruments) {
    let context: string | null = null;
    for (const item of instrument.items) {
      if (!isAnswerable(item)) {
        context = localize(item.text, language);
        cards.push({ instrument, item, context: null, number: null });
        continue;
      }
      number += 1;
      cards.push({ instrument, item, context, number });
    }
  }
  return cards;
}

export function answerOf(answers: PhaseAnswerMap, card: Card): AnswerValue | null {
  return answers[card.instrument.id]?.[card.item.id] ?? null;
}

/** The libs/survey code for one card's answer, or null when it is fine. */
export function cardIssue(card: Card, value: AnswerValue | null, partial: boolean): string | null {
  const issues = validateAnswers(card.instrument, { [card.item.id]: value }, { partial });
  return issues.find((issue) => issue.itemId === card.item.id)?.code ?? null;
}

/** Every item's code across the phase, keyed by cardKey: what the final submit would be refused for. */
export function phaseIssues(instruments: readonly Instrument[], answers: PhaseAnswerMap): Record<string, string> {
  const found: Record<string, string> = {};
  for (const instrument of instruments) {
    for (const issue of validateAnswers(instrument, submissionAnswers(instrument, answers), { partial: false })) {
      found[cardKey(instrument.id, issue.itemId)] = issue.code;
    }
  }
  return found;
}

/** One instrument's answers as submitted: every answerable item present, unanswered as an explicit null. */
function submissionAnswers(instrument: Instrument, answers: PhaseAnswerMap): Record<string, AnswerValue | null> {
  const own = answers[instrument.id] ?? {};
  return Object.fromEntries(instrument.items.filter(isAnswerable).map((item) => [item.id, own[item.id] ?? null]));
}

/** The body of the final submit: the whole truth for every instrument of the phase. */
export function submissionBody(
  instruments: readonly Instrument[],
  answers: PhaseAnswerMap,
): Record<string, Record<string, AnswerValue | null>> {
  return Object.fromEntries(instruments.map((instrument) => [instrument.id, submissionAnswers(instrument, answers)]));
}

/**
 * The card to resume at on a phone that lost its place: the first unanswered question, or the
 * instruction that introduces it.
 */
export function firstUnanswered(cards: readonly Card[], answers: PhaseAnswerMap): number {
  const index = cards.findIndex((card) => isAnswerable(card.item) && answerOf(answers, card) === null);
  if (index === -1) return cards.length;
  let start = index;
  while (start > 0 && cards[start - 1]?.number === null && cards[start - 1]?.instrument === cards[index]?.instrument) start -= 1;
  return start;
}

/** API field paths `answers.<instrumentId>.<itemId>` → cardKey → code. */
export function issuesFromPaths(errors: readonly { path: string; code: string }[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const error of errors) {
    const [, instrumentId, itemId] = error.path.split('.');
    if (instrumentId && itemId) found[cardKey(instrumentId, itemId)] = error.code;
  }
  return found;
}
