// pg hands every hand-written query's rows back as `any`. Repositories check them here, where they
// enter the code, instead of casting: a row of the wrong shape is a bug in the SQL and fails loudly.

type FieldCheck<T> = (value: unknown) => value is T;

export const isString = (value: unknown): value is string => typeof value === 'string';
export const isNumber = (value: unknown): value is number => typeof value === 'number';
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
export const isDate = (value: unknown): value is Date => value instanceof Date;
/** jsonb and other columns whose content the caller checks itself (as isFrozenRef does). */
export const isAnything = (value: unknown): value is unknown => value !== undefined;

export function oneOf<T extends string>(values: readonly T[]): FieldCheck<T> {
  return (value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
}

export function arrayOf<T>(check: FieldCheck<T>): FieldCheck<T[]> {
  return (value: unknown): value is T[] => Array.isArray(value) && value.every(check);
}

/** A jsonb object (not an array); its members are the caller's to check. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A jsonb object of strings, such as covariate id → level id. */
export const isStringRecord = (value: unknown): value is Record<string, string> => isRecord(value) && Object.values(value).every(isString);

export function nullable<T>(check: FieldCheck<T>): FieldCheck<T | null> {
  return (value: unknown): value is T | null => value === null || check(value);
}

/** One check per column the query selects. */
export type RowShape<T> = { readonly [K in keyof T]-?: FieldCheck<T[K]> };

/** The rows of a hand-written query, each checked against `shape`; `what` names the query in the error. */
export function checkedRows<T>(rows: unknown, shape: RowShape<T>, what: string): T[] {
  if (!Array.isArray(rows)) throw new Error(`${what}: the query returned no rows array`);
  const keys = Object.keys(shape) as Array<keyof T & string>;
  return rows.map((row: unknown, index) => {
    const record = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
    const bad = keys.find((key) => !shape[key](record[key]));
    if (bad !== undefined) throw new Error(`${what}: row ${index} has an unexpected ${bad}`);
    return record as T;
  });
}

/** The single row of a query that always returns one (an aggregate, now()), checked. */
export function checkedRow<T>(rows: unknown, shape: RowShape<T>, what: string): T {
  const [row] = checkedRows(rows, shape, what);
  if (row === undefined) throw new Error(`${what}: the query returned no row`);
  return row;
}

/** What TypeORM returns for an UPDATE or DELETE run through query(): [returned rows, affected count]. */
export function updateResult(result: unknown, what: string): { rows: unknown; affected: number } {
  if (!Array.isArray(result) || result.length !== 2 || typeof result[1] !== 'number')
    throw new Error(`${what}: expected [rows, affected] from an UPDATE`);
  return { rows: result[0] as unknown, affected: result[1] };
}
