import type { ColumnType } from './export-model';

/**
 * SQL text building for COPY. COPY takes no bind parameters, so every value that reaches the
 * statement is either an id validated by its own format or quoted here as a literal.
 */
export function literal(value: string): string {
  if (value.includes('\u0000')) throw new Error('a SQL literal cannot hold NUL');
  return `'${value.replace(/'/g, "''")}'`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A column alias; export column names are built from ids, so anything else is a bug. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a safe column name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

export function uuidLiteral(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new Error('not a uuid');
  return `'${id}'::uuid`;
}

export function intArrayLiteral(values: readonly number[]): string {
  if (!values.every((value) => Number.isSafeInteger(value))) throw new Error('not integers');
  return `'{${values.join(',')}}'::int[]`;
}

/**
 * OWASP CSV injection, as quality-goals.md words it (LF and NUL added; PostgreSQL text cannot
 * hold NUL): a text cell starting with = + - @ TAB CR LF gets a leading apostrophe. A cell that
 * already starts with an apostrophe gets one too, so the loaders can strip exactly one and give
 * back the participant's text unchanged. Numeric columns never pass through here.
 */
export function safeText(sql: string): string {
  return `regexp_replace(${sql}, '^([=+@''\\t\\r\\n-])', '''\\1')`;
}

export function isoTime(sql: string): string {
  return `to_char((${sql}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The cell a column of this type writes, from its raw SQL expression. */
export function cellSql(type: ColumnType, sql: string): string {
  switch (type) {
    case 'text':
    case 'category':
      return safeText(sql);
    case 'datetime':
      return isoTime(sql);
    case 'boolean':
      return `(${sql})::int`;
    default:
      return sql;
  }
}

/** A jsonb member as text when it is a JSON number, else NULL (never a guess). */
export function jsonNumber(object: string, key: string): string {
  return `CASE WHEN jsonb_typeof(${object} -> ${literal(key)}) = 'number' THEN ${object} ->> ${literal(key)} END`;
}

export function jsonString(object: string, key: string): string {
  return `CASE WHEN jsonb_typeof(${object} -> ${literal(key)}) = 'string' THEN ${object} ->> ${literal(key)} END`;
}

export function jsonBoolean(object: string, key: string): string {
  return `CASE WHEN jsonb_typeof(${object} -> ${literal(key)}) = 'boolean' THEN (${object} ->> ${literal(key)})::boolean END`;
}
