import type { ReactNode } from 'react';

/** Ids that tie a card's question, hint and error together for assistive technology. */
export function itemIds(instrumentId: string, itemId: string): { base: string; legend: string; hint: string; error: string } {
  const base = `q-${instrumentId}-${itemId}`;
  return { base, legend: `${base}-legend`, hint: `${base}-hint`, error: `${base}-error` };
}

export function describedBy(ids: { hint: string; error: string }, hasHint: boolean, error: string | null): string | undefined {
  const parts = [hasHint ? ids.hint : null, error ? ids.error : null].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The message next to the item; role=alert so it is read out the moment it appears. */
export function ItemError({ id, message }: { readonly id: string; readonly message: string | null }) {
  // The messages are English even inside an item shown in another language.
  return message ? (
    <p id={id} className="item-error" role="alert" lang="en">
      {message}
    </p>
  ) : null;
}

export function Hint({ id, children }: { readonly id: string; readonly children: ReactNode }) {
  return (
    <p id={id} className="item-hint" lang="en">
      {children}
    </p>
  );
}
