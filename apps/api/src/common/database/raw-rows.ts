import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Sql } from './sql';

// entity → alias → select list; metadata never changes while the process runs.
const selectLists = new WeakMap<object, Map<string, string>>();

/**
 * `"col_a" AS "propA", …` for every column of an entity, so a hand-written statement returns rows
 * that `selectOne` turns into entities. Hot paths use this instead of the query builder,
 * whose per-call SQL generation cost more CPU than the database work in the submit profile.
 */
export function columnsOf(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const metadata = dataSource.getMetadata(entity);
  const key = metadata.target as object;
  const byAlias = selectLists.get(key) ?? new Map<string, string>();
  selectLists.set(key, byAlias);
  const cached = byAlias.get(alias);
  if (cached !== undefined) return cached;
  const list = metadata.columns.map((column) => `${alias}."${column.databaseName}" AS "${column.propertyName}"`).join(', ');
  byAlias.set(alias, list);
  return list;
}

/**
 * `SELECT <every column of entity, as alias> <from>`: one row as an entity, or null. The row's keys
 * are already the entity's property names and pg has typed its values, so it is copied onto a new
 * instance as it is (our entities have no embedded columns).
 */
export async function selectOne<T extends ObjectLiteral>(
  sql: Sql,
  dataSource: DataSource,
  entity: EntityTarget<T>,
  alias: string,
  from: string,
  params: unknown[],
): Promise<T | null> {
  const rows = await sql.query(`SELECT ${columnsOf(dataSource, entity, alias)} ${from}`, params);
  const row: unknown = Array.isArray(rows) ? rows[0] : undefined;
  if (typeof row !== 'object' || row === null) return null;
  return Object.assign(dataSource.getMetadata(entity).create() as T, row);
}
