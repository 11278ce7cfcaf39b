import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool, type PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { parseProtocol, type FrozenProtocol } from './protocols';
import type { ExportSite } from './export-model';

type RawRow = Readonly<Record<string, unknown>>;

function text(row: RawRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`column ${column}: expected text, got ${JSON.stringify(value)}`);
  return value;
}

function integer(row: RawRow, column: string): number {
  const value = row[column];
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new Error(`column ${column}: expected an integer, got ${JSON.stringify(value)}`);
  return value;
}

/** A COPY in flight; `rowCount` is the number of data rows once the stream has ended. */
export interface CopyStream extends Readable {
  readonly rowCount: number;
}

/**
 * One export's database connection: a REPEATABLE READ transaction (every file of a bundle sees
 * the same snapshot) holding a temporary table of pseudonyms, and COPY streams read from it one
 * after another. Streams have backpressure, so memory stays flat whatever the row count.
 */
export class ExportConnection {
  private done = false;

  constructor(
    private readonly client: PoolClient,
    private readonly pool: Pool,
    private readonly backendPid: number,
  ) {}

  /** The rows only: the header row is written by the caller (csv-stringify) before the query starts. */
  copy(sql: string): CopyStream {
    return this.client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, ENCODING 'UTF8')`));
  }

  async finish(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      await this.client.query('COMMIT');
      this.client.release();
    } catch (error) {
      this.client.release(true);
      throw error;
    }
  }

  /**
   * A client that disconnects cancels the query: PostgreSQL stops the COPY, and the connection is
   * discarded rather than returned to the pool mid-protocol.
   */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      await this.pool.query('SELECT pg_cancel_backend($1)', [this.backendPid]);
    } finally {
      this.client.release(true);
    }
  }
}

/** Named reads of the export; the streaming connections come from a small pool of their own. */
@Injectable()
export class ExportsRepository implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Its own pool: a long download must not hold one of the app's connections, and the pool's
    // size caps concurrent exports per process.
    this.pool = new Pool({ connectionString: config.databaseUrl, max: 4, application_name: 'attune-export' });
    this.pool.on('error', () => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }

  async protocols(studyId: string, versions: readonly number[] | null): Promise<FrozenProtocol[]> {
    const rows = (await this.dataSource.query(
      `SELECT version, hash, canonical_json FROM protocol WHERE study_id = $1 AND ($2::int[] IS NULL OR version = ANY($2::int[])) ORDER BY version`,
      [studyId, versions],
    )) as RawRow[];
    return rows.map((row) => parseProtocol(integer(row, 'version'), text(row, 'hash'), text(row, 'canonical_json')));
  }

  /** The study's sites, the primary first; `code` given: only that one. */
  async sites(studyId: string, code: string | null): Promise<ExportSite[]> {
    const rows = (await this.dataSource.query(
      `SELECT code, name, country FROM study_site WHERE study_id = $1 AND ($2::text IS NULL OR code = $2) ORDER BY is_primary DESC, created_at, code`,
      [studyId, code],
    )) as RawRow[];
    return rows.map((row) => ({
      code: text(row, 'code'),
      name: text(row, 'name'),
      country: typeof row['country'] === 'string' ? row['country'] : null,
    }));
  }

  async externalIdKeys(studyId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT jsonb_object_keys(external_ids) AS key FROM participant WHERE study_id = $1 ORDER BY 1`,
      [studyId],
    )) as RawRow[];
    return rows.map((row) => text(row, 'key'));
  }

  /** Opens the transaction and fills the pseudonym table; `pseudonymOf` runs in this process. */
  async open(studyId: string, pseudonymOf: (kind: 'p' | 's', id: string) => string): Promise<ExportConnection> {
    const client = await this.pool.connect();
    let connection: ExportConnection | null = null;
    try {
      const [backend] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      connection = new ExportConnection(client, this.pool, backend?.pid ?? 0);
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await fillPseudonyms(client, studyId, pseudonymOf);
      return connection;
    } catch (error) {
      if (connection) await connection.abort();
      else client.release(true);
      throw error;
    }
  }
}

/** Ids hashed per round trip: enough to keep round trips few, small enough to keep memory flat. */
const PSEUDONYM_BATCH = 5000;

/**
 * The study's participant and session ids come through a cursor, a batch at a time, and go back
 * with their pseudonyms: the API never holds every id of a large study at once (an array of all
 * of them was most of the memory an export of 1M rows grew by).
 */
async function fillPseudonyms(client: PoolClient, studyId: string, pseudonymOf: (kind: 'p' | 's', id: string) => string): Promise<void> {
  await client.query('CREATE TEMPORARY TABLE export_pseudonym (id uuid PRIMARY KEY, pseudonym text NOT NULL) ON COMMIT DROP');
  await client.query(
    `DECLARE export_ids NO SCROLL CURSOR FOR
    SELECT id, 'p' AS kind FROM participant WHERE study_id = $1 UNION ALL SELECT id, 's' FROM study_session WHERE study_id = $1`,
    [studyId],
  );
  for (;;) {
    const { rows } = await client.query<{ id: string; kind: 'p' | 's' }>(`FETCH ${PSEUDONYM_BATCH} FROM export_ids`);
    if (rows.length === 0) break;
    await client.query('INSERT INTO export_pseudonym (id, pseudonym) SELECT * FROM unnest($1::uuid[], $2::text[])', [
      rows.map((r) => r.id),
      rows.map((r) => pseudonymOf(r.kind, r.id)),
    ]);
  }
  await client.query('CLOSE export_ids');
  await client.query('ANALYZE export_pseudonym');
}
