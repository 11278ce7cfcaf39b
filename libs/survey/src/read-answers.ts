// Reading an answers object that may come straight from a request body or from a hostile client.
// Only own, enumerable, string-keyed data properties are read: no getter is ever run and nothing
// is looked up on the prototype chain, so keys such as "__proto__" or "constructor" are just keys.

/**
 * Stands for the value of a key backed by a getter or setter. It is a symbol, so every kind's
 * check reports it as WRONG_TYPE without a special case.
 */
export const ACCESSOR: unique symbol = Symbol('accessor');

/** Own entries of a plain object, or null when `input` is not a plain object (array, null, …). */
export function readAnswerEntries(input: unknown): ReadonlyMap<string, unknown> | null {
  if (typeof input !== 'object' || input === null) return null;
  // toString rather than a prototype check: arrays, dates and maps are not answers, while a plain
  // object from another realm (an iframe) or with a null prototype still is.
  if (Object.prototype.toString.call(input) !== '[object Object]') return null;
  const entries = new Map<string, unknown>();
  for (const key of Object.keys(input)) {
    const descriptor = Object.getOwnPropertyDescriptor(input, key);
    if (descriptor === undefined) continue;
    entries.set(key, 'value' in descriptor ? descriptor.value : ACCESSOR);
  }
  return entries;
}
