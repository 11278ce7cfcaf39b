import type { ExportColumn, ExportSite, ValueLabel } from './export-model';
import { conditionIds, type FrozenProtocol, unionById } from './protocols';
import { literal } from './sql-text';

/**
 * The fixed block of every data file: who, which session and seat, which protocol, which
 * condition (and each factor's level), the stratum and the covariates. SQL aliases: p =
 * participant, s = study_session, pr = protocol, pp / sp = the pseudonym rows of p and s.
 */
export const MISSING = 'empty cell = missing';

type Draft = Omit<ExportColumn, 'values' | 'min' | 'max' | 'reverse' | 'scoring' | 'missing' | 'source'> & Partial<ExportColumn>;

export function column(draft: Draft): ExportColumn {
  return { values: [], min: null, max: null, reverse: false, scoring: '', missing: MISSING, source: 'design', ...draft };
}

/** A factor, covariate or external id may not shadow a fixed column: it gets a suffix instead. */
export function uniqueName(name: string, taken: Set<string>, suffix: string): string {
  const unique = taken.has(name) ? `${name}_${suffix}` : name;
  if (taken.has(unique)) throw new Error(`export column ${unique} is defined twice`);
  taken.add(unique);
  return unique;
}

const FIXED = [
  'participant',
  'session',
  'seat',
  'site',
  'protocol_version',
  'protocol_hash',
  'condition',
  'stratum',
  'session_incomplete',
  'session_withdrawn_member',
  'language',
];

function levelsOf(levels: readonly { id: string; label: string }[]): ValueLabel[] {
  return levels.map((level) => ({ value: level.id, label: level.label }));
}

export function identityColumns(): ExportColumn[] {
  return [
    column({
      name: 'participant',
      label: 'Participant pseudonym: HMAC-SHA-256 of the internal id under PSEUDONYM_SECRET (stable across exports)',
      type: 'text',
      sql: 'p.participant_pseudonym',
      missing: 'never missing',
    }),
    column({
      name: 'session',
      label: 'Session pseudonym (the unit of randomisation)',
      type: 'text',
      sql: 's.session_pseudonym',
      missing: 'never missing',
    }),
    column({
      name: 'seat',
      label: 'Seat number in the session',
      type: 'integer',
      sql: 'p.seat_number',
      min: 1,
      max: 3,
      missing: 'never missing',
    }),
  ];
}

function siteLabel(site: ExportSite): string {
  return site.country === null ? site.name : `${site.name} (${site.country})`;
}

/** Site, protocol, condition, factors, stratum and covariates; `taken` collects the names in use. */
export function designColumns(
  protocols: readonly FrozenProtocol[],
  taken: Set<string>,
  who: 'participant' | 'session',
  sites: readonly ExportSite[],
): ExportColumn[] {
  for (const name of FIXED) taken.add(name);
  // Factors take their names before covariates, so a clash renames the covariate.
  return [
    ...protocolColumns(protocols, sites),
    ...factorColumns(protocols, taken),
    stratumColumn(),
    ...covariateColumns(protocols, taken, who),
    ...sessionFlagColumns(),
  ];
}

function protocolColumns(protocols: readonly FrozenProtocol[], sites: readonly ExportSite[]): ExportColumn[] {
  return [
    column({
      name: 'site',
      label: 'Site that ran the session (its code); site is a stratification factor of the allocation',
      type: 'category',
      sql: 's.site_code',
      values: sites.map((site) => ({ value: site.code, label: siteLabel(site) })),
      source: 'session',
      missing: 'never missing',
    }),
    column({
      name: 'protocol_version',
      label: 'Protocol version the session ran',
      type: 'integer',
      sql: 's.protocol_version',
      missing: 'never missing',
      values: protocols.map((p) => ({ value: p.version, label: `sha256 ${p.hash}` })),
    }),
    column({
      name: 'protocol_hash',
      label: 'SHA-256 of the frozen protocol (protocol.json)',
      type: 'text',
      sql: 's.protocol_hash',
      missing: 'never missing',
    }),
    column({
      name: 'condition',
      label: 'Allocated condition (factor=level pairs)',
      type: 'category',
      sql: 's.condition_id',
      values: conditionIds(protocols).map((id) => ({ value: id, label: null })),
      missing: 'never missing',
    }),
  ];
}

function factorColumns(protocols: readonly FrozenProtocol[], taken: Set<string>): ExportColumn[] {
  return unionById(protocols, (design) => design.factors).map((factor) => {
    const name = uniqueName(factor.id, taken, 'factor');
    const pattern = `(?:^|\\|)${factor.id}=([^|]*)`;
    return column({
      name,
      label: `Factor: ${factor.label}${factor.exploratory ? ' (exploratory)' : ''}`,
      type: 'category',
      values: levelsOf(factor.levels),
      sql: `substring(s.condition_id from ${literal(pattern)})`,
      missing: 'never missing',
    });
  });
}

function stratumColumn(): ExportColumn {
  return column({
    name: 'stratum',
    label:
      'Randomisation stratum (covariate=level pairs, with site=<code> at every site but the primary one; empty string when not stratified)',
    type: 'text',
    sql: 's.stratum',
  });
}

/** A session-level file leaves out what each participant reported. */
function covariateColumns(protocols: readonly FrozenProtocol[], taken: Set<string>, who: 'participant' | 'session'): ExportColumn[] {
  const covariates = unionById(protocols, (design) => design.covariates);
  return covariates
    .filter((covariate) => who === 'participant' || covariate.source !== 'participant')
    .map((covariate) => {
      const name = uniqueName(covariate.id, taken, 'covariate');
      const observed = covariate.source === 'observed';
      return column({
        name,
        label: `Covariate (${observed ? 'observed by the research assistant' : 'reported by the participant'}): ${covariate.label}`,
        type: 'category',
        values: levelsOf(covariate.levels),
        sql: observed ? `s.observed_covariates ->> ${literal(covariate.id)}` : `p.covariates ->> ${literal(covariate.id)}`,
        source: `covariate ${covariate.id}`,
        missing: `${MISSING} (not asked or not answered)`,
      });
    });
}

function sessionFlagColumns(): ExportColumn[] {
  return [
    column({
      name: 'session_incomplete',
      label: 'Session kept after a member dropped out post-allocation (analysed as randomised)',
      type: 'boolean',
      values: booleanValues(),
      sql: 's.incomplete',
      missing: 'never missing',
    }),
    column({
      name: 'session_withdrawn_member',
      label: "A member of the session withdrew consent after taking part; their answers are deleted, the others' stay",
      type: 'boolean',
      values: booleanValues(),
      sql: 's.withdrawn_member',
      missing: 'never missing',
    }),
  ];
}

/** Participant-reported covariates only, for the actor/partner columns of pairwise.csv. */
export function participantCovariates(protocols: readonly FrozenProtocol[]): { id: string; label: string; values: ValueLabel[] }[] {
  return unionById(protocols, (design) => design.covariates)
    .filter((c) => c.source === 'participant')
    .map((c) => ({ id: c.id, label: c.label, values: levelsOf(c.levels) }));
}

export function booleanValues(): ValueLabel[] {
  return [
    { value: 0, label: 'false' },
    { value: 1, label: 'true' },
  ];
}
