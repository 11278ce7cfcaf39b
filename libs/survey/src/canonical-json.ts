// Canonical JSON: object keys sorted (by UTF-16 code units) at every depth, no whitespace, array
// order kept. Two instruments that differ only in key order serialise, and so hash, identically.
//
// Two further rules make the text, and so the hash, depend only on the data:
// - Every string, values and keys alike, is normalised to Unicode NFC first, so "é" typed as one
//   code point (U+00E9) or as "e" + combining acute (U+0065 U+0301, as macOS file names and some
//   keyboards produce) serialises identically. Keys are sorted after normalising; two keys of one
//   object that normalise to the same text are rejected.
// - Only plain data is accepted: arrays, and objects whose prototype is Object.prototype or null.
//   (Plain objects from another realm count.) A Date, Map, Set, RegExp or class instance throws a TypeError naming its type, instead of
//   being serialised as "{}" or as whatever its toJSON returns.

/** Values that JSON.stringify would silently turn into null or drop are rejected instead. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${String(value)} is not JSON`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((element: unknown) => canonicalJson(element ?? null)).join(',')}]`;
  }
  if (typeof value === 'object') return canonicalObject(value);
  throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`);
}

/** The name of a non-plain object's type, for the error message. */
function typeName(value: object): string {
  const constructor: unknown = (value as { constructor?: unknown }).constructor;
  return typeof constructor === 'function' && constructor.name !== '' ? constructor.name : 'object with a custom prototype';
}

/**
 * An object whose prototype is null or a root prototype (Object.prototype). Checked by shape
 * rather than by identity, so that a plain object from another realm (a vm context, a jest
 * sandbox, an iframe) still counts as plain.
 */
function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null) return true;
  return Object.getPrototypeOf(prototype) === null && Object.prototype.toString.call(value) === '[object Object]';
}

function canonicalObject(value: object): string {
  if (!isPlainObject(value)) {
    throw new TypeError(`canonicalJson: a ${typeName(value)} is not plain JSON data`);
  }
  const members = new Map<string, unknown>();
  for (const key of Object.keys(value)) {
    const member: unknown = (value as Record<string, unknown>)[key];
    // Like JSON.stringify, an undefined member is absent rather than null.
    if (member === undefined) continue;
    const normalised = key.normalize('NFC');
    if (members.has(normalised)) {
      throw new TypeError(`canonicalJson: two keys normalise to ${JSON.stringify(normalised)}`);
    }
    members.set(normalised, member);
  }
  const parts = [...members.keys()].sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(members.get(key))}`);
  return `{${parts.join(',')}}`;
}
