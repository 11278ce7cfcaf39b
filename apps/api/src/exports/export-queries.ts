import { column, designColumns, identityColumns, MISSING } from './design-columns';
import type { DataFile, ExportColumn, ExportFilter, ExportSite } from './export-model';
import { answerCatalog, type CatalogEntry, hashOf, instrumentColumns } from './instrument-columns';
import { type FrozenProtocol, type PhaseInstrument, phaseInstruments } from './protocols';
import { cellSql, identifier, intArrayLiteral, literal, uuidLiteral } from './sql-text';
import { externalIdColumns, journeyColumns } from './wide-columns';

/** What one export is about: the study, its frozen protocols under the filter, and the filter. */
export interface ExportScope {
  readonly studyId: string;
  readonly protocols: readonly FrozenProtocol[];
  readonly filter: ExportFilter;
  /** Keys of participants' external ids; read only when the filter asks for them. */
  readonly externalIdKeys: readonly string[];
  /** The study's sites (the `site` column's values); only the filter's site when it names one. */
  readonly sites: readonly ExportSite[];
}

export interface DataFileQuery {
  readonly file: DataFile;
  readonly columns: readonly ExportColumn[];
  /** One SELECT; the export streams `COPY (sql) TO STDOUT` of exactly this. */
  readonly sql: string;
}

const PHASE_ORDER = `CASE r.phase WHEN 'pre' THEN 1 ELSE 2 END`;

export function selectList(columns: readonly ExportColumn[]): string {
  return columns.map((c) => `${cellSql(c.type, c.sql)} AS ${identifier(c.name)}`).join(',\n  ');
}

/**
 * Allocated sessions of the study under the filter. Unallocated sessions carry no condition and
 * no survey data, so no export row.
 */
function sessionsWhere(scope: ExportScope): string {
  const versions = scope.protocols.map((p) => p.version);
  return (
    `s.study_id = ${uuidLiteral(scope.studyId)} AND s.condition_id IS NOT NULL AND s.protocol_version = ANY(${intArrayLiteral(versions)})` +
    (scope.filter.includeIncomplete ? '' : ` AND s.status = 'complete' AND NOT s.incomplete`) +
    (scope.filter.site === null
      ? ''
      : ` AND s.site_id = (SELECT site.id FROM study_site site WHERE site.study_id = s.study_id AND site.code = ${literal(scope.filter.site)})`)
  );
}

/**
 * The sessions as `s`, sorted by (created_at, id), with their pseudonym (from the temporary table
 * the export fills) and protocol hash. Sorting this small relation first, and reaching everything
 * below it through LATERAL subqueries (nested loops keep the outer order), lets the final ORDER BY
 * run as an incremental sort per session: PostgreSQL sends the first rows at once instead of
 * sorting the whole export before its first byte.
 */
export function sessionsFrom(scope: ExportScope): string {
  return `FROM (SELECT s.*, sp.pseudonym AS session_pseudonym, pr.hash AS protocol_hash, ss.code AS site_code
          FROM study_session s
          JOIN protocol pr ON pr.study_id = s.study_id AND pr.version = s.protocol_version
          JOIN study_site ss ON ss.id = s.site_id
          JOIN pg_temp.export_pseudonym sp ON sp.id = s.id
         WHERE ${sessionsWhere(scope)}
         ORDER BY s.created_at, s.id) s`;
}

/** Sessions, then each session's members as `p` (seat order) with their pseudonym. */
function participantsFrom(scope: ExportScope): string {
  return `${sessionsFrom(scope)}
  CROSS JOIN LATERAL (SELECT p.*, pp.pseudonym AS participant_pseudonym
          FROM participant p JOIN pg_temp.export_pseudonym pp ON pp.id = p.id
         WHERE p.session_id = s.id
         ORDER BY p.seat_number, p.created_at) p`;
}

export function responseJoin(alias: string, participant: string, entry: PhaseInstrument): string {
  return `LEFT JOIN response ${alias} ON ${alias}.participant_id = ${participant}.id AND ${alias}.phase = ${literal(entry.phase)} AND ${alias}.instrument_id = ${literal(entry.id)} AND ${alias}.submitted_at IS NOT NULL`;
}

function baseColumns(scope: ExportScope): { columns: ExportColumn[]; taken: Set<string> } {
  const taken = new Set<string>();
  return { columns: [...identityColumns(), ...designColumns(scope.protocols, taken, 'participant', scope.sites)], taken };
}

export function wideQuery(scope: ExportScope): DataFileQuery {
  const { columns, taken } = baseColumns(scope);
  columns.push(...journeyColumns(scope.protocols));
  if (scope.filter.externalIds) columns.push(...externalIdColumns(scope.externalIdKeys, taken));
  const entries = phaseInstruments(scope.protocols);
  entries.forEach((entry, i) => columns.push(...instrumentColumns(entry, `r${i}`)));
  const joins = entries.map((entry, i) => responseJoin(`r${i}`, 'p', entry)).join('\n  ');
  const sql = `SELECT ${selectList(columns)}\n  ${participantsFrom(scope)}\n  ${joins}\n ORDER BY s.created_at, s.id, p.seat_number, p.created_at`;
  return { file: 'wide.csv', columns, sql };
}

function catalogValues(catalog: readonly CatalogEntry[]): string {
  // An empty catalog (no instruments) still needs a typed row; the caller adds AND false.
  if (catalog.length === 0)
    return `(VALUES (NULL::text, NULL::int, 0, '', '', NULL::text, 'n')) AS c(instrument_id, version, ordinal, name, item_id, option, mode)`;
  const rows = catalog.map(
    (e) =>
      `(${literal(e.instrumentId)}, ${e.version}, ${e.ordinal}, ${literal(e.name)}, ${literal(e.itemId)}, ${e.option === null ? 'NULL' : literal(e.option)}, '${e.mode}')`,
  );
  return `(VALUES ${rows.join(', ')}) AS c(instrument_id, version, ordinal, name, item_id, option, mode)`;
}

function instrumentOrder(entries: readonly PhaseInstrument[]): string {
  const ids = [...new Set(entries.map((e) => e.id))];
  return ids.length === 0 ? '0' : `CASE r.instrument_id ${ids.map((id, i) => `WHEN ${literal(id)} THEN ${i}`).join(' ')} END`;
}

function instrumentHashSql(entries: readonly PhaseInstrument[]): string {
  const pairs = new Map<string, string>();
  for (const entry of entries) for (const v of entry.versions) pairs.set(`${v.instrument.id}@${v.instrument.version}`, hashOf(v));
  if (pairs.size === 0) return 'NULL::text';
  return `CASE r.instrument_id || '@' || r.instrument_version ${[...pairs].map(([key, hash]) => `WHEN ${literal(key)} THEN ${literal(hash)}`).join(' ')} END`;
}

/** A column read from the response row, which every submitted response has. */
function responseColumn(spec: Omit<Parameters<typeof column>[0], 'source' | 'missing'>): ExportColumn {
  return column({ ...spec, source: 'response', missing: 'never missing' });
}

function responseColumns(entries: readonly PhaseInstrument[]): ExportColumn[] {
  const instruments = [...new Set(entries.map((e) => e.id))].map((value) => ({ value, label: null }));
  const phases = [
    { value: 'pre', label: 'before the conversation' },
    { value: 'post', label: 'after the conversation' },
  ];
  return [
    responseColumn({ name: 'phase', label: 'Survey phase', type: 'category', values: phases, sql: 'r.phase' }),
    responseColumn({ name: 'instrument', label: 'Instrument id', type: 'category', values: instruments, sql: 'r.instrument_id' }),
    responseColumn({ name: 'instrument_version', label: 'Instrument version', type: 'integer', sql: 'r.instrument_version' }),
    responseColumn({
      name: 'instrument_hash',
      label: 'Instrument hash (SHA-256 of its canonical JSON)',
      type: 'text',
      sql: instrumentHashSql(entries),
    }),
  ];
}

/** Tidy: one row per participant × phase × instrument × answer column (submitted responses only). */
export function longQuery(scope: ExportScope): DataFileQuery {
  const entries = phaseInstruments(scope.protocols);
  const catalog = answerCatalog(entries);
  const columns = [
    ...baseColumns(scope).columns,
    ...responseColumns(entries),
    column({
      name: 'item',
      label: 'Answer column: the item id, or item__option for a multi-choice option (labels: the wide.csv entries of the codebook)',
      type: 'text',
      sql: 'r.item_name',
      source: 'response',
      missing: 'never missing',
    }),
    column({
      name: 'value',
      label: 'Numeric answer: rating, slider or number, or 1/0 for a multi-choice option',
      type: 'number',
      sql: `CASE r.item_mode WHEN 'n' THEN CASE WHEN jsonb_typeof(r.answers -> r.item_key) = 'number' THEN r.answers ->> r.item_key END WHEN 'o' THEN CASE WHEN jsonb_typeof(r.answers -> r.item_key) = 'array' THEN (r.answers -> r.item_key ? r.item_option)::int::text END END`,
      source: 'response',
      missing: `${MISSING} (not answered, or a text answer: see value_text)`,
    }),
    column({
      name: 'value_text',
      label: 'Text answer: a choice code or free text',
      type: 'text',
      sql: `CASE WHEN r.item_mode = 's' AND jsonb_typeof(r.answers -> r.item_key) = 'string' THEN r.answers ->> r.item_key END`,
      source: 'response',
      missing: `${MISSING} (not answered, or a numeric answer: see value)`,
    }),
  ];
  // Each member's submitted responses × their answer columns, in file order, as one LATERAL
  // subquery per member (see sessionsFrom for why the order is built level by level).
  const order = `${PHASE_ORDER}, ${instrumentOrder(entries)}`;
  const sql = `SELECT ${selectList(columns)}\n  ${participantsFrom(scope)}
  CROSS JOIN LATERAL (SELECT r.*, c.name AS item_name, c.item_id AS item_key, c.option AS item_option, c.mode AS item_mode, c.ordinal AS item_ordinal
          FROM response r JOIN ${catalogValues(catalog)} ON c.instrument_id = r.instrument_id AND c.version = r.instrument_version
         WHERE r.participant_id = p.id AND r.submitted_at IS NOT NULL${catalog.length === 0 ? ' AND false' : ''}
         ORDER BY ${order}, c.ordinal) r
 ORDER BY s.created_at, s.id, p.seat_number, p.created_at, ${order}, r.item_ordinal`;
  return { file: 'long.csv', columns, sql };
}

/** The participant, the instrument (whose phase may also be 'change'), the scale and its score. */
function scoreColumns(scope: ExportScope, entries: readonly PhaseInstrument[]): ExportColumn[] {
  const response = responseColumns(entries).map((c) =>
    c.name === 'phase'
      ? { ...c, values: [...c.values, { value: 'change', label: 'post − pre (same instrument version)' }] }
      : c.name === 'instrument_hash'
        ? { ...c, sql: instrumentHashSql(entries) }
        : c,
  );
  return [
    ...baseColumns(scope).columns,
    ...response,
    column({
      name: 'scale',
      label: 'Scale id (labels and scoring rules: wide.csv entries of the codebook)',
      type: 'text',
      sql: 'r.scale',
      source: 'response',
      missing: 'never missing',
    }),
    column({
      name: 'score',
      label: 'Scale score as scored at submit; for change rows post − pre',
      type: 'number',
      sql: 'r.score',
      source: 'response',
      missing: `${MISSING} (too few items answered)`,
    }),
  ];
}

/** One row per participant × phase × scale, and change = post − pre for the same instrument version and scale. */
export function scoresQuery(scope: ExportScope): DataFileQuery {
  const entries = phaseInstruments(scope.protocols);
  const columns = scoreColumns(scope, entries);
  const scored = `SELECT x.participant_id, x.phase, x.instrument_id, x.instrument_version, k.key AS scale,
           CASE WHEN jsonb_typeof(k.value) = 'number' THEN k.value::text::numeric END AS score
      FROM response x CROSS JOIN LATERAL jsonb_each(coalesce(x.scores, '{}'::jsonb)) k
     WHERE x.study_id = ${uuidLiteral(scope.studyId)} AND x.submitted_at IS NOT NULL`;
  const sql = `WITH sc AS (${scored}),
  r AS (SELECT * FROM sc UNION ALL
        SELECT a.participant_id, 'change', a.instrument_id, a.instrument_version, a.scale, b.score - a.score
          FROM sc a JOIN sc b ON b.participant_id = a.participant_id AND b.instrument_id = a.instrument_id AND b.instrument_version = a.instrument_version AND b.scale = a.scale
         WHERE a.phase = 'pre' AND b.phase = 'post')
  SELECT ${selectList(columns)}\n  ${participantsFrom(scope)}
  JOIN r ON r.participant_id = p.id
 ORDER BY s.created_at, s.id, p.seat_number, p.created_at, CASE r.phase WHEN 'pre' THEN 1 WHEN 'post' THEN 2 ELSE 3 END, ${instrumentOrder(entries)}, r.scale`;
  return { file: 'scores.csv', columns, sql };
}
