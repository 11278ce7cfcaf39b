/** The files one export route serves; `bundle.zip` holds all the others. */
export const EXPORT_FILES = [
  'wide.csv',
  'long.csv',
  'scores.csv',
  'pairwise.csv',
  'codebook.csv',
  'codebook.json',
  'load.R',
  'load.py',
  'load.sps',
  'bundle.zip',
] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

/** The files whose rows come from PostgreSQL (COPY); the others are generated from the codebook. */
export const DATA_FILES = ['wide.csv', 'long.csv', 'scores.csv', 'pairwise.csv'] as const;
export type DataFile = (typeof DATA_FILES)[number];

export function isExportFile(name: string): name is ExportFile {
  return (EXPORT_FILES as readonly string[]).includes(name);
}

export type ColumnType = 'integer' | 'number' | 'text' | 'category' | 'datetime' | 'boolean';

export interface ValueLabel {
  readonly value: string | number;
  readonly label: string | null;
}

/** One column of one data file: what the codebook says about it, and the SQL that fills it. */
export interface ExportColumn {
  readonly name: string;
  readonly label: string;
  readonly type: ColumnType;
  /** Allowed values (category codes, rating points, 0/1) with labels; empty when open. */
  readonly values: readonly ValueLabel[];
  readonly min: number | null;
  readonly max: number | null;
  /** Where the value comes from: `design`, `session`, or `instrument <id> v<versions> item <item>`. */
  readonly source: string;
  readonly reverse: boolean;
  readonly scoring: string;
  readonly missing: string;
  /** A raw SQL expression; the cell formatting (formula escape, ISO time, 0/1) is applied by type. */
  readonly sql: string;
}

export interface ExportFilter {
  /** Protocol versions to include; null = all. */
  readonly protocolVersions: readonly number[] | null;
  /** true: every allocated session with the data it has (as randomised); false: complete sessions only. */
  readonly includeIncomplete: boolean;
  /** Owners only, audited as such: adds participants' external ids (e.g. Prolific's) to wide.csv. */
  readonly externalIds: boolean;
  /** One site's sessions, by site code; null = every site. */
  readonly site: string | null;
}

/** A site as the codebook labels it. */
export interface ExportSite {
  readonly code: string;
  readonly name: string;
  readonly country: string | null;
}
