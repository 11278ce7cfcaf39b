import type { DataSource } from 'typeorm';

/** The role in a runtime DATABASE_URL, and its password (empty under trust auth). */
export function runtimeRoleOf(databaseUrl: string): { role: string; password: string } {
  const url = new URL(databaseUrl);
  return { role: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
}

/** Runs a statement whose identifiers and literals PostgreSQL's format() quotes (%I, %L). */
async function run(owner: DataSource, template: string, ...args: string[]): Promise<void> {
  const [row] = (await owner.query(`SELECT format($1, ${args.map((_, i) => `$${i + 2}::text`).join(', ')}) AS statement`, [
    template,
    ...args,
  ])) as Array<{ statement: string }>;
  if (!row) throw new Error('format() returned nothing');
  await owner.query(row.statement);
}

async function ensureRole(owner: DataSource, role: string, password: string): Promise<void> {
  const [existing] = (await owner.query(`SELECT rolsuper FROM pg_roles WHERE rolname = $1`, [role])) as Array<{ rolsuper: boolean }>;
  if (existing?.rolsuper) throw new Error(`the runtime role ${role} is a superuser; make it a plain login role`);
  if (!existing) await run(owner, 'CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT', role);
  if (password !== '') await run(owner, 'ALTER ROLE %I PASSWORD %L', role, password);
}

/**
 * Run by the owner after migrating: the runtime role exists (created when the owner may create
 * roles), is no superuser and owns nothing, and holds data privileges only: read and write every
 * table except audit_event, where it may only INSERT and SELECT (so it cannot UPDATE, DELETE or
 * TRUNCATE it, and, owning neither the table nor the trigger function, cannot disable or replace
 * the append-only trigger), and the migrations table, which it may only read.
 */
export async function grantRuntimeRole(owner: DataSource, runtimeUrl: string): Promise<void> {
  const { role, password } = runtimeRoleOf(runtimeUrl);
  const [current] = (await owner.query(`SELECT current_user AS "user", current_database() AS database`)) as Array<{
    user: string;
    database: string;
  }>;
  if (!current) throw new Error('no current user');
  if (current.user === role)
    throw new Error('MIGRATION_DATABASE_URL and DATABASE_URL name the same role; the runtime role must be another');
  await ensureRole(owner, role, password);
  await run(owner, 'GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current.database, role);
  await run(owner, 'GRANT USAGE ON SCHEMA public TO %I', role);
  await run(owner, 'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', role);
  await run(owner, 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', role);
  await run(owner, 'REVOKE UPDATE, DELETE ON audit_event FROM %I', role);
  await run(owner, 'REVOKE INSERT, UPDATE, DELETE ON migrations FROM %I', role);
  await run(owner, 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', role);
}
