import type { Draft, EditConflict, FieldIssue } from './types';

/** What the editor's save action answers (the server action turns API results into these). */
export type SaveOutcome =
  | { readonly kind: 'saved'; readonly revision: number; readonly problems: readonly FieldIssue[] }
  /** The API refused the shape (400): nothing was saved; the problems name the fields. */
  | { readonly kind: 'invalid'; readonly problems: readonly FieldIssue[] }
  | { readonly kind: 'conflict'; readonly conflict: EditConflict }
  | { readonly kind: 'launched' }
  | { readonly kind: 'error'; readonly message: string };

export type LoadOutcome =
  | { readonly kind: 'loaded'; readonly draft: Draft; readonly revision: number; readonly problems: readonly FieldIssue[] }
  | { readonly kind: 'error'; readonly message: string };

export type CheckOutcome =
  { readonly kind: 'checked'; readonly problems: readonly FieldIssue[] } | { readonly kind: 'error'; readonly message: string };

export type AmendOutcome =
  | { readonly kind: 'invalid'; readonly problems: readonly FieldIssue[]; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

const PART_LABELS: Readonly<Record<string, string>> = {
  title: 'the title',
  description: 'the description',
  'design.factors': 'the factors and levels',
  'design.conditionWeights': 'the condition weights',
  'design.covariates': 'the covariates',
  'design.stratifyBy': 'the stratification',
  'design.sessionSize': 'the session size',
  'design.targetSessionsPerCondition': 'the target',
  'design.randomisation': 'the randomisation',
  'design.dropoutPolicy': 'the dropout policy',
  'design.instruments': 'the instruments',
  'design.conversation': 'the conversation',
  'design.consent': 'the consent',
  'design.languages': 'the languages',
  'design.completion': 'the completion',
  'design.withdrawal': 'the withdrawal period',
};

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "ana@lab.org changed the conversation and the title at 14:03 UTC." — who changed what since your version. */
export function conflictSentence(conflict: EditConflict): string {
  const who = conflict.changedBy ?? 'Someone';
  const what = conflict.parts.length ? list(conflict.parts.map((part) => PART_LABELS[part] ?? part)) : 'this draft';
  const at = conflict.changedAt ? ` at ${conflict.changedAt.slice(11, 16)} UTC on ${conflict.changedAt.slice(0, 10)}` : '';
  return `${who} changed ${what}${at}, after the version you were editing (now version ${conflict.revision}).`;
}

/** The words after "Not saved" / "Saving stopped" for an outcome; null when it saved. */
export function saveMessage(outcome: SaveOutcome): string | null {
  switch (outcome.kind) {
    case 'error':
      return outcome.message;
    case 'invalid':
      return 'the marked fields have a format the API refuses';
    case 'launched':
      return 'the study has been launched; amend it instead';
    default:
      return null;
  }
}
