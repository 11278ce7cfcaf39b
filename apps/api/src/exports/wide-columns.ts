import { column, MISSING, uniqueName } from './design-columns';
import type { ExportColumn } from './export-model';
import type { FrozenProtocol } from './protocols';
import { literal } from './sql-text';

const PARTICIPANT_STATUS = [
  { value: 'joined', label: 'joined, consent not (yet) given' },
  { value: 'consented', label: 'consented' },
  { value: 'declined', label: 'declined consent' },
  { value: 'left', label: 'left the study' },
  { value: 'withdrawn', label: 'withdrew consent after taking part; answers deleted' },
];
const SESSION_STATUS = ['forming', 'allocated', 'pre_survey', 'conversation', 'post_survey', 'complete', 'ended_early', 'abandoned'].map(
  (value) => ({ value, label: null }),
);

const COMPLETED = `(SELECT ps.completed_at FROM phase_submission ps WHERE ps.participant_id = p.id AND ps.phase = 'post' AND ps.state = 'done')`;

/** wide.csv only: language, the journey's timestamps, statuses and dropout. */
export function journeyColumns(protocols: readonly FrozenProtocol[]): ExportColumn[] {
  const languages = [...new Set(protocols.flatMap((p) => p.design.languages))].map((value) => ({ value, label: null }));
  return [
    column({
      name: 'language',
      label: 'Language the participant consented in',
      type: 'category',
      values: languages,
      sql: 'p.language',
      source: 'session',
      missing: 'never missing',
    }),
    ...timeColumns(),
    ...statusColumns(),
    ...dropoutColumns(),
  ];
}

function time(name: string, label: string, sql: string): ExportColumn {
  return column({ name, label: `${label} (ISO 8601, UTC)`, type: 'datetime', sql, source: 'session', missing: `${MISSING} (not reached)` });
}

/** When the participant reached each step, and how long the conversation lasted. */
function timeColumns(): ExportColumn[] {
  return [
    time('joined_at', 'Joined', 'p.created_at'),
    time('consented_at', 'Consented', 'p.consented_at'),
    time(
      'allocated_at',
      'Session allocated',
      '(SELECT a.allocated_at FROM allocation a WHERE a.session_id = s.id ORDER BY a.allocated_at LIMIT 1)',
    ),
    time('conversation_started_at', 'Conversation started', 's.conversation_started_at'),
    time('conversation_ended_at', 'Conversation ended', 's.conversation_ended_at'),
    time('completed_at', 'Post-survey submitted', COMPLETED),
    column({
      name: 'conversation_seconds',
      label: 'Actual conversation length in seconds (ended − started)',
      type: 'integer',
      min: 0,
      sql: 'round(extract(epoch FROM s.conversation_ended_at - s.conversation_started_at))::int',
      source: 'session',
      missing: `${MISSING} (no conversation, or not ended)`,
    }),
  ];
}

/** Where the participant and their session stand at export. */
function statusColumns(): ExportColumn[] {
  return [
    column({
      name: 'participant_status',
      label: 'Participant status at export',
      type: 'category',
      values: PARTICIPANT_STATUS,
      sql: 'p.status',
      source: 'session',
      missing: 'never missing',
    }),
    column({
      name: 'session_status',
      label: 'Session status at export',
      type: 'category',
      values: SESSION_STATUS,
      sql: 's.status',
      source: 'session',
      missing: 'never missing',
    }),
  ];
}

/** Why a session ended early, and which row a rejoining participant came from. */
function dropoutColumns(): ExportColumn[] {
  return [
    column({
      name: 'dropout_stage',
      label: "Step at which a member left (from the session's dropout reason member_left:<step>)",
      type: 'text',
      sql: `substring(s.dropout_reason from '^member_left:(.*)$')`,
      source: 'session',
      missing: `${MISSING} (no member left)`,
    }),
    column({
      name: 'dropout_reason',
      label: 'Why the session ended early or was abandoned',
      type: 'text',
      sql: `split_part(s.dropout_reason, ':', 1)`,
      source: 'session',
      missing: `${MISSING} (no dropout)`,
    }),
    column({
      name: 'rejoined_from',
      label: 'Pseudonym of the participant row this one rejoined from (dropout policy reform_remaining)',
      type: 'text',
      sql: '(SELECT x.pseudonym FROM pg_temp.export_pseudonym x WHERE x.id = p.rejoined_from)',
      source: 'session',
      missing: `${MISSING} (not a rejoin)`,
    }),
  ];
}

/** Direct identifiers: only when an owner asks explicitly (the export is audited as such). */
export function externalIdColumns(keys: readonly string[], taken: Set<string>): ExportColumn[] {
  return keys.map((key) =>
    column({
      name: uniqueName(`external_${key.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`, taken, 'id'),
      label: `DIRECT IDENTIFIER: external id ${key} (e.g. Prolific); exported on an owner's explicit, audited request`,
      type: 'text',
      sql: `p.external_ids ->> ${literal(key)}`,
      source: 'participant external_ids',
      missing: `${MISSING} (not recorded)`,
    }),
  );
}
