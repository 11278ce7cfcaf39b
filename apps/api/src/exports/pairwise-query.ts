import { column, designColumns, MISSING, participantCovariates } from './design-columns';
import type { ExportColumn } from './export-model';
import { type DataFileQuery, type ExportScope, responseJoin, selectList, sessionsFrom } from './export-queries';
import { scaleIds } from './instrument-columns';
import { phaseInstruments } from './protocols';
import { jsonNumber, literal, uuidLiteral } from './sql-text';

interface MemberValue {
  readonly key: string;
  readonly sql: string;
  readonly column: Omit<ExportColumn, 'name' | 'sql'> & { readonly stem: string };
}

function memberValues(scope: ExportScope): MemberValue[] {
  const values: MemberValue[] = participantCovariates(scope.protocols).map((c, i) => ({
    key: `v_c${i}`,
    sql: `p.covariates ->> ${literal(c.id)}`,
    column: {
      ...column({
        name: c.id,
        label: `Covariate reported by the participant: ${c.label}`,
        type: 'category',
        values: c.values,
        sql: '',
        source: `covariate ${c.id}`,
        missing: `${MISSING} (not asked or not answered)`,
      }),
      stem: c.id,
    },
  }));
  phaseInstruments(scope.protocols).forEach((entry, i) => {
    for (const scale of scaleIds(entry)) {
      values.push({
        key: `v_s${values.length}`,
        sql: jsonNumber(`r${i}.scores`, scale),
        column: {
          ...column({
            name: '',
            label: `[${entry.phase}] ${entry.id} scale ${scale} score`,
            type: 'number',
            sql: '',
            source: `instrument ${entry.id} scale ${scale}`,
            missing: `${MISSING} (no submitted response, or too few items answered)`,
          }),
          stem: `${entry.phase}_${entry.id}_${scale}`,
        },
      });
    }
  });
  return values;
}

function sideColumns(values: readonly MemberValue[], alias: 'a' | 'b'): ExportColumn[] {
  const suffix = alias === 'a' ? 'a' : 'p';
  const who = alias === 'a' ? 'actor' : 'partner';
  return values.map(({ key, column: meta }) => ({
    ...meta,
    name: `${meta.stem}_${suffix}`,
    label: `${meta.label} (${who})`,
    sql: `${alias}.${key}`,
  }));
}

function interleave(actor: readonly ExportColumn[], partner: readonly ExportColumn[]): ExportColumn[] {
  return actor.flatMap((column, i) => [column, partner[i] as ExportColumn]);
}

/** The session, its design, then actor and partner side by side: seat, pseudonym and every answer. */
function pairwiseColumns(scope: ExportScope, values: MemberValue[]): ExportColumn[] {
  return [
    column({
      name: 'session',
      label: 'Session pseudonym (the unit of randomisation)',
      type: 'text',
      sql: 's.session_pseudonym',
      missing: 'never missing',
    }),
    ...designColumns(
      scope.protocols,
      new Set(['session', 'members', 'participant_a', 'participant_p', 'seat_a', 'seat_p']),
      'session',
      scope.sites,
    ),
    column({
      name: 'members',
      label: 'Members seated in the session (including any who left)',
      type: 'integer',
      min: 1,
      max: 3,
      sql: '(SELECT count(*) FROM participant n WHERE n.session_id = s.id)::int',
      missing: 'never missing',
    }),
    column({ name: 'participant_a', label: 'Actor pseudonym', type: 'text', sql: 'a.pseudonym', missing: 'never missing' }),
    column({ name: 'seat_a', label: 'Actor seat', type: 'integer', min: 1, max: 3, sql: 'a.seat_number', missing: 'never missing' }),
    column({ name: 'participant_p', label: 'Partner pseudonym', type: 'text', sql: 'b.pseudonym', missing: 'never missing' }),
    column({ name: 'seat_p', label: 'Partner seat', type: 'integer', min: 1, max: 3, sql: 'b.seat_number', missing: 'never missing' }),
    ...interleave(sideColumns(values, 'a'), sideColumns(values, 'b')),
  ];
}

/**
 * The dyadic pairwise structure (Kenny, Kashy & Cook 2006): one row per ordered pair of members
 * of a session, actor (_a) beside partner (_p), so each member is an actor once per partner; a
 * triad gives six rows, a session with one member none.
 */
export function pairwiseQuery(scope: ExportScope): DataFileQuery {
  const entries = phaseInstruments(scope.protocols);
  const values = memberValues(scope);
  const columns = pairwiseColumns(scope, values);
  const memberSelect = ['p.id', 'p.session_id', 'p.seat_number', 'pp.pseudonym', ...values.map((v) => `${v.sql} AS ${v.key}`)].join(', ');
  const joins = entries.map((entry, i) => responseJoin(`r${i}`, 'p', entry)).join('\n    ');
  const sql = `WITH m AS (
  SELECT ${memberSelect}
    FROM participant p JOIN pg_temp.export_pseudonym pp ON pp.id = p.id
    ${joins}
   WHERE p.session_id IS NOT NULL AND p.study_id = ${uuidLiteral(scope.studyId)}
)
SELECT ${selectList(columns)}
  ${sessionsFrom(scope)}
  JOIN m a ON a.session_id = s.id
  JOIN m b ON b.session_id = s.id AND b.id <> a.id
 ORDER BY s.created_at, s.id, a.seat_number, b.seat_number`;
  return { file: 'pairwise.csv', columns, sql };
}
