export interface DiffEntry {
  /** Path as the API's problems spell it: `design.conversation.instructions.en`, `design.instruments.post[2]`. */
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  /** The value shown to a reader: text as written, numbers and booleans as text, objects as JSON. */
  readonly before: string | null;
  readonly after: string | null;
}

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);

function show(value: Json): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** An instrument reference reads as one thing (`ios v2`), not as two changed fields. */
function isInstrumentRef(value: Json): value is { id: string; version: number } {
  return isObject(value) && Object.keys(value).length === 2 && typeof value['id'] === 'string' && typeof value['version'] === 'number';
}

function leaf(path: string, before: Json, after: Json, out: DiffEntry[]): void {
  const b = isInstrumentRef(before) ? `${before.id} v${before.version}` : show(before);
  const a = isInstrumentRef(after) ? `${after.id} v${after.version}` : show(after);
  if (b === a) return;
  out.push({ path, kind: b === null ? 'added' : a === null ? 'removed' : 'changed', before: b, after: a });
}

const isBranch = (value: Json): boolean => Array.isArray(value) || (isObject(value) && !isInstrumentRef(value));

function walk(path: string, before: Json, after: Json, out: DiffEntry[]): void {
  const absent = (value: Json) => value === undefined || value === null;
  if (!(isBranch(before) || isBranch(after)) || (!isBranch(before) && !absent(before)) || (!isBranch(after) && !absent(after))) {
    leaf(path, before, after, out);
  } else if (Array.isArray(before) || Array.isArray(after)) {
    const b = Array.isArray(before) ? before : [];
    const a = Array.isArray(after) ? after : [];
    for (let i = 0; i < Math.max(b.length, a.length); i += 1) walk(`${path}[${i}]`, b[i], a[i], out);
  } else {
    const b = isObject(before) ? before : {};
    const a = isObject(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    for (const key of keys) walk(path === '' ? key : `${path}.${key}`, b[key], a[key], out);
  }
}

/**
 * What an amendment changes, field by field, against the current protocol's design: a reviewer
 * reads exactly which texts, instruments or settings differ. Lists are compared by position, so
 * an instrument inserted early shows as each later position changing, which is what the protocol
 * (ordered lists) records too.
 */
export function designDiff(before: Json, after: Json, root = 'design'): DiffEntry[] {
  const out: DiffEntry[] = [];
  walk(root, before, after, out);
  return out;
}
