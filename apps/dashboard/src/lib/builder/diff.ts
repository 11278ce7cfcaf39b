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
    walkList(path, Array.isArray(before) ? before : [], Array.isArray(after) ? after : [], out);
  } else {
    const b = isObject(before) ? before : {};
    const a = isObject(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    for (const key of keys) walk(path === '' ? key : `${path}.${key}`, b[key], a[key], out);
  }
}

/** The elements' ids when every element of the list has a distinct string `id`, else null. */
function idsOf(list: readonly Json[]): string[] | null {
  const ids = list.map((element) => (isObject(element) && typeof element['id'] === 'string' ? element['id'] : null));
  if (ids.some((id) => id === null) || new Set(ids).size !== ids.length) return null;
  return ids as string[];
}

/**
 * Lists of things with ids (instruments, factors, levels, covariates) are matched by id, so an
 * instrument inserted early is one added entry, not every later position changed; a new order of
 * the same things is one entry for the list. Paths name positions as the protocol has them: the
 * new list's for what stays or is added, the old list's for what was removed. Other lists are
 * compared position by position.
 */
function walkList(path: string, before: readonly Json[], after: readonly Json[], out: DiffEntry[]): void {
  const beforeIds = idsOf(before);
  const afterIds = idsOf(after);
  if (!beforeIds || !afterIds) {
    for (let i = 0; i < Math.max(before.length, after.length); i += 1) walk(`${path}[${i}]`, before[i], after[i], out);
    return;
  }
  const position = new Map(beforeIds.map((id, i) => [id, i]));
  const kept = new Set(afterIds);
  beforeIds.forEach((id, i) => {
    if (!kept.has(id)) walk(`${path}[${i}]`, before[i], undefined, out);
  });
  afterIds.forEach((id, j) => {
    const i = position.get(id);
    walk(`${path}[${j}]`, i === undefined ? undefined : before[i], after[j], out);
  });
  const oldOrder = beforeIds.filter((id) => kept.has(id)).join(', ');
  const newOrder = afterIds.filter((id) => position.has(id)).join(', ');
  if (oldOrder !== newOrder) out.push({ path, kind: 'changed', before: oldOrder, after: newOrder });
}

/**
 * What an amendment changes, field by field, against the current protocol's design: a reviewer
 * reads exactly which texts, instruments or settings differ (lists of things with ids: see walkList).
 */
export function designDiff(before: Json, after: Json, root = 'design'): DiffEntry[] {
  const out: DiffEntry[] = [];
  walk(root, before, after, out);
  return out;
}
