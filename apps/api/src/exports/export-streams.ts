import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { DATA_FILES, type DataFile } from './export-model';
import { type ExportPlan, GENERATED_FILES, generatedText } from './export-plan';
import type { DataFileQuery } from './export-queries';
import type { CopyStream, ExportConnection } from './exports.repository';

export interface ExportOutcome {
  readonly completed: boolean;
  /** Data rows per data file written. */
  readonly rows: Readonly<Partial<Record<DataFile, number>>>;
}

type Open = () => Promise<ExportConnection>;
type Done = (outcome: ExportOutcome) => Promise<void>;

/**
 * Runs `write` into a stream the controller can hand out at once. `head` (a CSV header row) is
 * sent before the connection is even opened, so the client sees the download start while
 * PostgreSQL plans the query. The audit event is written before the last byte, so a finished
 * download is always audited; a failure or a client that goes away aborts the connection
 * (cancelling the query) and is audited as not completed.
 */
function streamed(
  open: Open,
  done: Done,
  write: (connection: ExportConnection, out: PassThrough) => Promise<ExportOutcome['rows']>,
  head = '',
): Readable {
  const out = new PassThrough();
  if (head !== '') out.write(head);
  void (async () => {
    let connection: ExportConnection | null = null;
    try {
      connection = await open();
      const rows = await write(connection, out);
      await connection.finish();
      await done({ completed: true, rows });
      out.end();
    } catch (error) {
      await connection?.abort().catch(() => undefined);
      await done({ completed: false, rows: {} }).catch(() => undefined);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return out;
}

/**
 * The header row is written in JavaScript through csv-stringify, like every other CSV cell the API
 * writes (codebook.csv); the rows come from PostgreSQL's own CSV writer (COPY), which quotes by
 * the same RFC 4180 rules and is the fastest way out of the database.
 */
export function headerRow(query: DataFileQuery): string {
  return stringify([query.columns.map((c) => c.name)], { record_delimiter: 'unix' });
}

export function csvStream(plan: ExportPlan, file: DataFile, open: Open, done: Done): Readable {
  const query = plan.queries[file];
  return streamed(
    open,
    done,
    async (connection, out) => {
      const copy = connection.copy(query.sql);
      await pipeline(copy, out, { end: false });
      return { [file]: copy.rowCount };
    },
    headerRow(query),
  );
}

async function* withHeader(header: string, rows: Readable): AsyncGenerator<Buffer> {
  yield Buffer.from(header, 'utf8');
  yield* rows as AsyncIterable<Buffer>;
}

/**
 * The zip is written as it goes: the small generated files first (bytes flow at once), then each
 * data file, whose COPY yazl starts only when it reaches that entry.
 */
export function bundleStream(plan: ExportPlan, open: Open, done: Done): Readable {
  return streamed(open, done, async (connection, out) => {
    const zip = new ZipFile();
    const copies = new Map<DataFile, CopyStream>();
    const options = { mtime: plan.at };
    for (const file of GENERATED_FILES) zip.addBuffer(Buffer.from(generatedText(plan, file), 'utf8'), plan.names[file], options);
    for (const file of DATA_FILES) {
      zip.addReadStreamLazy(plan.names[file], options, (callback) => {
        const copy = connection.copy(plan.queries[file].sql);
        copies.set(file, copy);
        callback(null, Readable.from(withHeader(headerRow(plan.queries[file]), copy), { objectMode: false }));
      });
    }
    zip.end();
    await pipeline(zip.outputStream, out, { end: false });
    return Object.fromEntries([...copies].map(([file, copy]) => [file, copy.rowCount]));
  });
}
