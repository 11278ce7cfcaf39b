/**
 * Reading raw rows of the flow and enrolment queries. node-postgres returns bigint counts as
 * strings and column types are not checked by TypeScript, so every value is checked here, at the
 * boundary, and a query that returns something else fails loudly instead of reporting a wrong count.
 */

export type RawRow = Readonly<Record<string, unknown>>;

export function rowsOf(result: unknown): RawRow[] {
  if (!Array.isArray(result)) throw new Error('expected rows from the database');
  return result.map((row: unknown) => {
    if (typeof row !== 'object' || row === null) throw new Error('expected a row object');
    return row as RawRow;
  });
}

/** A non-negative integer column (a count); bigint arrives as a string. */
export function count(row: RawRow, column: string): number {
  const value = row[column];
  const parsed = typeof value === 'string' ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`column ${column}: expected a count, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

export function text(row: RawRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`column ${column}: expected text, got ${JSON.stringify(value)}`);
  return value;
}

/** Groups rows by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
