// Canonical JSON: object keys sorted (by UTF-16 code units) at every depth, no whitespace, array
// order kept. Two instruments that differ only in key order serialise, and so hash, identically.

/** Values that JSON.stringify would silently turn into null or drop are rejected instead. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
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

function canonicalObject(value: object): string {
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const member: unknown = (value as Record<string, unknown>)[key];
    // Like JSON.stringify, an undefined member is absent rather than null.
    if (member === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${parts.join(',')}}`;
}
