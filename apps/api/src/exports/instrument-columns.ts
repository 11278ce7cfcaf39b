import { exportColumns, type ExportColumn as SurveyColumn, type Instrument, instrumentHash, localize } from '@attune/survey';
import { booleanValues, column, MISSING } from './design-columns';
import type { ColumnType, ExportColumn } from './export-model';
import type { PhaseInstrument } from './protocols';
import { jsonBoolean, jsonNumber, jsonString, literal } from './sql-text';

/** How long.csv reads one export column of an instrument from a response's answers. */
export interface CatalogEntry {
  readonly instrumentId: string;
  readonly version: number;
  readonly ordinal: number;
  readonly name: string;
  readonly itemId: string;
  readonly option: string | null;
  /** n: a number, s: a string (choice code or text), o: 1/0 for a multi-choice option. */
  readonly mode: 'n' | 's' | 'o';
}

export function hashOf(version: { instrument: Instrument; hash: string | null }): string {
  return version.hash ?? instrumentHash(version.instrument);
}

function typeOf(source: SurveyColumn): ColumnType {
  if (source.type === 'text' && source.values.length > 0) return 'category';
  return source.type;
}

function scoringOf(instrument: Instrument, source: SurveyColumn): string {
  const scale = source.scaleId === null ? undefined : instrument.scales.find((candidate) => candidate.id === source.scaleId);
  if (scale)
    return `${scale.method} of items ${scale.items.join(', ')}; reverse-keyed items recoded on their declared bounds; needs ≥ ${Math.round(scale.minAnswered * 100)} % answered${scale.method === 'sum' ? ' (prorated)' : ''}`;
  return source.scales.length > 0 ? `in scale(s) ${source.scales.join(', ')}` : '';
}

/** The raw SQL of one export column, reading response alias `r`. */
export function answerSql(r: string, source: SurveyColumn): string {
  if (source.source === 'scale') return jsonNumber(`${r}.scores`, source.scaleId ?? '');
  const item = source.itemId ?? '';
  if (source.source === 'option')
    return `CASE WHEN jsonb_typeof(${r}.answers -> ${literal(item)}) = 'array' THEN (${r}.answers -> ${literal(item)} ? ${literal(source.option ?? '')})::int END`;
  return source.type === 'text' ? jsonString(`${r}.answers`, item) : jsonNumber(`${r}.answers`, item);
}

function sameDefinition(a: ExportColumn, b: ExportColumn): boolean {
  return (
    a.type === b.type &&
    a.min === b.min &&
    a.max === b.max &&
    a.reverse === b.reverse &&
    JSON.stringify(a.values) === JSON.stringify(b.values)
  );
}

/**
 * The wide columns of one phase instrument, reading response alias `r`. Versions share a column
 * when they define it the same way; a column whose definition changed gets a `_v<version>` name.
 */
export function instrumentColumns(entry: PhaseInstrument, r: string): ExportColumn[] {
  const prefix = `${entry.phase}_${entry.id}`;
  const versions = entry.versions.map((v) => v.instrument.version);
  const title = localize(entry.versions[0]?.instrument.title ?? { en: entry.id }, 'en');
  const hashCases = entry.versions.map((v) => `WHEN ${v.instrument.version} THEN ${literal(hashOf(v))}`).join(' ');
  const columns: ExportColumn[] = [
    column({
      name: `${prefix}_version`,
      label: `[${entry.phase}] ${title}: instrument version`,
      type: 'integer',
      values: versions.map((v) => ({ value: v, label: null })),
      sql: `${r}.instrument_version`,
      source: `instrument ${entry.id}`,
      missing: `${MISSING} (no submitted response)`,
    }),
    column({
      name: `${prefix}_hash`,
      label: `[${entry.phase}] ${title}: instrument hash (SHA-256 of its canonical JSON)`,
      type: 'text',
      sql: `CASE ${r}.instrument_version ${hashCases} END`,
      source: `instrument ${entry.id}`,
      missing: `${MISSING} (no submitted response)`,
    }),
  ];
  const byName = new Map<string, { column: ExportColumn; versions: number[] }>();
  for (const { instrument } of entry.versions) addVersionColumns(entry, instrument, r, byName);
  for (const { column: merged, versions: used } of byName.values()) {
    const gate =
      used.length === versions.length ? merged.sql : `CASE WHEN ${r}.instrument_version IN (${used.join(', ')}) THEN ${merged.sql} END`;
    columns.push({ ...merged, sql: gate, source: merged.source.replace('{versions}', used.map((v) => `v${v}`).join('|')) });
  }
  return columns;
}

function addVersionColumns(
  entry: PhaseInstrument,
  instrument: Instrument,
  r: string,
  byName: Map<string, { column: ExportColumn; versions: number[] }>,
): void {
  const prefix = `${entry.phase}_${entry.id}`;
  const answerable = instrument.items.filter((item) => item.kind === 'attention-check' || item.kind === 'manipulation-check');
  const candidates = [
    ...exportColumns(instrument).map((source) => surveyColumn(entry, instrument, r, source)),
    ...answerable.map((item) => checkColumn(entry, r, item)),
  ];
  for (const candidate of candidates) merge(byName, candidate, instrument.version, prefix);
}

/** An answer or scale score of one instrument version; `{versions}` is filled in once the versions are merged. */
function surveyColumn(entry: PhaseInstrument, instrument: Instrument, r: string, source: SurveyColumn): ExportColumn {
  const scale = source.source === 'scale';
  return column({
    name: `${entry.phase}_${entry.id}_${source.name}`,
    label: `[${entry.phase}] ${source.label}`,
    type: typeOf(source),
    values: source.values,
    min: source.min,
    max: source.max,
    reverse: source.reverse,
    sql: answerSql(r, source),
    scoring: scoringOf(instrument, source),
    source: scale
      ? `instrument ${entry.id} {versions} scale ${source.scaleId}`
      : `instrument ${entry.id} {versions} item ${source.itemId}${source.option ? ` option ${source.option}` : ''}`,
    missing: scale
      ? `${MISSING} (no submitted response, or too few items answered)`
      : `${MISSING} (not answered, or no submitted response)`,
  });
}

/** Whether an attention or manipulation check passed, as scored at submit. */
function checkColumn(entry: PhaseInstrument, r: string, item: { readonly id: string; readonly kind: string }): ExportColumn {
  return column({
    name: `${entry.phase}_${entry.id}_${item.id}_passed`,
    label: `[${entry.phase}] ${item.kind === 'attention-check' ? 'Attention' : 'Manipulation'} check ${item.id} passed (scored at submit against the session's condition)`,
    type: 'boolean',
    values: booleanValues(),
    sql: jsonBoolean(`${r}.check_results`, item.id),
    source: `instrument ${entry.id} {versions} check ${item.id}`,
    missing: `${MISSING} (not scorable, or no submitted response)`,
  });
}

function merge(
  byName: Map<string, { column: ExportColumn; versions: number[] }>,
  candidate: ExportColumn,
  version: number,
  prefix: string,
): void {
  const existing = byName.get(candidate.name);
  if (!existing) {
    byName.set(candidate.name, { column: candidate, versions: [version] });
  } else if (sameDefinition(existing.column, candidate)) {
    existing.versions.push(version);
  } else {
    const name = candidate.name.replace(`${prefix}_`, `${prefix}_v${version}_`);
    byName.set(name, { column: { ...candidate, name }, versions: [version] });
  }
}

/** Every answer column of every version, in instrument order, for long.csv's item rows. */
export function answerCatalog(entries: readonly PhaseInstrument[]): CatalogEntry[] {
  const seen = new Set<string>();
  const catalog: CatalogEntry[] = [];
  for (const entry of entries) {
    for (const { instrument } of entry.versions) {
      if (seen.has(`${instrument.id}@${instrument.version}`)) continue;
      seen.add(`${instrument.id}@${instrument.version}`);
      exportColumns(instrument)
        .filter((c) => c.source !== 'scale')
        .forEach((c, ordinal) => {
          catalog.push({
            instrumentId: instrument.id,
            version: instrument.version,
            ordinal,
            name: c.name,
            itemId: c.itemId ?? '',
            option: c.option,
            mode: c.source === 'option' ? 'o' : c.type === 'text' ? 's' : 'n',
          });
        });
    }
  }
  return catalog;
}

/** Scale ids per phase instrument (union over versions), for pairwise.csv. */
export function scaleIds(entry: PhaseInstrument): string[] {
  return [...new Set(entry.versions.flatMap((v) => v.instrument.scales.map((scale) => scale.id)))];
}
