import { type RefObject, useEffect, useRef } from 'react';

/**
 * Moves focus to the element when `shown` turns true: a confirm step replaces the button that was
 * just pressed, and without this, keyboard and screen-reader users would be left on nothing.
 */
export function useFocusWhen<T extends HTMLElement>(shown: boolean): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  return ref;
}
