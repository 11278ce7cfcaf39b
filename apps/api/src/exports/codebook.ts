import { stringify } from 'csv-stringify/sync';
import { booleanValues, MISSING } from './design-columns';
import type { ColumnType, DataFile, ExportColumn, ExportFilter, ValueLabel } from './export-model';
import type { DataFileQuery } from './export-queries';
import type { FrozenProtocol } from './protocols';

/** One column of one file, as the codebook and the loaders describe it: the column without its SQL. */
export type CodebookEntry = Omit<ExportColumn, 'sql'> & { readonly file: DataFile | 'codebook.csv' };

export interface Codebook {
  readonly study: { readonly id: string; readonly title: string };
  readonly protocols: readonly { readonly version: number; readonly hash: string }[];
  readonly filter: ExportFilter;
  readonly exportedAt: string;
  /** file → the name it has in this export (the loaders read these names). */
  readonly fileNames: Readonly<Record<string, string>>;
  readonly entries: readonly CodebookEntry[];
}

export const NOTES = [
  'Missing values: an empty cell is missing; no other code means missing. A text cell can never be empty and present.',
  'Text cells that begin with = + - @ TAB CR LF or an apostrophe carry one extra leading apostrophe (CSV formula injection guard); load.R, load.py and load.sps remove it. Numeric columns are never altered.',
  "Participants and sessions are pseudonyms: HMAC-SHA-256 of the internal id under the server's PSEUDONYM_SECRET, stable across exports. No direct identifiers unless an owner asked for external ids (columns external_*).",
  'Only submitted responses are exported; answers saved while a survey was still in progress are not.',
  "Rows are participants seated in allocated sessions. A participant who withdrew consent keeps their row in wide.csv and pairwise.csv (participant_status = withdrawn) with every answer, score and covariate they reported empty, because their answers were deleted; they have no rows in long.csv or scores.csv. Their session is flagged session_withdrawn_member, their partner's data stays: decide per analysis whether to keep such dyads. Pseudonyms are stable, so a withdrawn pseudonym tells you which rows to delete from files exported before the withdrawal.",
  'CSV: RFC 4180 quoting, UTF-8 without BOM, LF line ends, a header row.',
] as const;

const CODEBOOK_COLUMNS: readonly [string, ColumnType, string][] = [
  ['file', 'category', 'File the column belongs to'],
  ['name', 'text', 'Column name (header)'],
  ['label', 'text', 'What the column holds'],
  ['type', 'category', 'integer, number, text, category, datetime (ISO 8601 UTC) or boolean (0/1)'],
  ['values', 'text', 'Allowed values with labels: value=label separated by " | "'],
  ['min', 'number', 'Smallest allowed value'],
  ['max', 'number', 'Largest allowed value'],
  ['source', 'text', 'design, session, response, or instrument id, versions and item or scale'],
  ['reverse_keyed', 'boolean', 'Item is reverse-keyed in its scale(s)'],
  ['scoring', 'text', 'Scoring rule of a scale, or the scales an item belongs to'],
  ['missing', 'text', 'What an empty cell means here'],
];

function entriesOf(query: DataFileQuery): CodebookEntry[] {
  return query.columns.map(({ sql: _sql, ...meta }: ExportColumn) => ({ file: query.file, ...meta }));
}

export function buildCodebook(
  input: Omit<Codebook, 'entries' | 'protocols'> & { protocols: readonly FrozenProtocol[]; queries: readonly DataFileQuery[] },
): Codebook {
  const own = CODEBOOK_COLUMNS.map(([name, type, label]): CodebookEntry => ({
    file: 'codebook.csv',
    name,
    label,
    type,
    values: type === 'boolean' ? booleanValues() : [],
    min: null,
    max: null,
    source: 'codebook',
    reverse: false,
    scoring: '',
    missing: MISSING,
  }));
  return {
    study: input.study,
    protocols: input.protocols.map((p) => ({ version: p.version, hash: p.hash })),
    filter: input.filter,
    exportedAt: input.exportedAt,
    fileNames: input.fileNames,
    entries: [...input.queries.flatMap(entriesOf), ...own],
  };
}

/** The same rule as the SQL side (sql-text.ts safeText), for cells written from JavaScript. */
export function safeCell(text: string): string {
  return /^[=+\-@'\t\r\n\0]/.test(text) ? `'${text}` : text;
}

function valuesText(values: readonly ValueLabel[]): string {
  return values.map((v) => (v.label === null ? String(v.value) : `${v.value}=${v.label}`)).join(' | ');
}

export function codebookCsv(codebook: Codebook): string {
  const rows = codebook.entries.map((e) => [
    e.file,
    e.name,
    safeCell(e.label),
    e.type,
    safeCell(valuesText(e.values)),
    e.min,
    e.max,
    safeCell(e.source),
    e.reverse ? 1 : 0,
    safeCell(e.scoring),
    safeCell(e.missing),
  ]);
  return stringify(rows, {
    header: true,
    columns: CODEBOOK_COLUMNS.map(([name]) => name),
    record_delimiter: 'unix',
    cast: { number: (value) => String(value) },
  });
}

export function codebookJson(codebook: Codebook): string {
  const files = [...new Set(codebook.entries.map((e) => e.file))].map((file) => ({
    file,
    fileName: codebook.fileNames[file] ?? file,
    columns: codebook.entries.filter((e) => e.file === file).map(({ file: _file, ...entry }) => entry),
  }));
  return `${JSON.stringify({ format: 'attune.codebook.v1', study: codebook.study, protocols: codebook.protocols, filter: codebook.filter, exportedAt: codebook.exportedAt, missingValue: '', notes: NOTES, files }, null, 2)}\n`;
}
