import type { AnswerValue, Item } from '@attune/survey';
import type { ReactNode } from 'react';
import { describedBy, Hint, ItemError, itemIds } from './item-parts';

/** What every item renderer receives. `error` is already a sentence (see validationMessage). */
export interface ItemViewProps<I extends Item = Item> {
  readonly instrumentId: string;
  readonly item: I;
  readonly language: string;
  readonly value: AnswerValue | null;
  readonly error: string | null;
  readonly onAnswer: (value: AnswerValue | null) => void;
  /** The instrument's instruction that this item answers ("Indicate how you feel right now"). */
  readonly context?: string | null;
}

interface ItemShellProps {
  readonly instrumentId: string;
  readonly itemId: string;
  readonly kind: Item['kind'];
  readonly question: string;
  readonly context?: string | null | undefined;
  readonly hint?: ReactNode;
  readonly error: string | null;
  readonly children: (ids: ReturnType<typeof itemIds> & { describedBy: string | undefined }) => ReactNode;
}

/**
 * One question as one fieldset: the legend names the group for screen readers, and the hint and
 * the error are tied to it with aria-describedby so they are read with the question.
 */
export function ItemShell({ instrumentId, itemId, kind, question, context, hint, error, children }: ItemShellProps) {
  const ids = itemIds(instrumentId, itemId);
  const described = describedBy(ids, hint !== undefined && hint !== null, error);
  return (
    <fieldset className="item" aria-describedby={described} data-instrument={instrumentId} data-item={itemId} data-kind={kind}>
      <legend id={ids.legend} className="item-legend">
        {context ? <span className="item-context">{context}</span> : null}
        <span className="item-question">{question}</span>
      </legend>
      {hint ? <Hint id={ids.hint}>{hint}</Hint> : null}
      {children({ ...ids, describedBy: described })}
      <ItemError id={ids.error} message={error} />
    </fieldset>
  );
}
