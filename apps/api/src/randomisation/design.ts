/**
 * Conditions as the cells of a factorial design, and the canonical `key=value|key=value` form
 * shared by condition ids and stratum keys.
 *
 * The canonical form is part of the randomisation: condition order decides which condition each
 * drawn slot means, and the stratum key is hashed into the keyed generator. So both must be
 * reproducible from the frozen protocol alone, with no locale- or engine-dependent ordering.
 */

export interface FactorSpec {
  readonly id: string;
  readonly levels: readonly { readonly id: string }[];
}

export interface WeightedCondition {
  readonly id: string;
  readonly weight: number;
}

const PAIR_SEPARATOR = '|';
const KEY_VALUE_SEPARATOR = '=';

function assertToken(kind: string, token: string): void {
  if (token === '' || token.includes(PAIR_SEPARATOR) || token.includes(KEY_VALUE_SEPARATOR)) {
    throw new Error(`${kind} must be non-empty and contain neither '|' nor '=': ${JSON.stringify(token)}`);
  }
}

function assertUnique(kind: string, ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`duplicate ${kind} ${JSON.stringify(id)}`);
    seen.add(id);
  }
}

/** Joins ordered (key, value) pairs into the canonical form; the caller decides the order. */
export function encodePairs(pairs: readonly (readonly [string, string])[]): string {
  for (const [key, value] of pairs) {
    assertToken('key', key);
    assertToken('value', value);
  }
  assertUnique(
    'key',
    pairs.map(([key]) => key),
  );
  return pairs.map(([key, value]) => `${key}${KEY_VALUE_SEPARATOR}${value}`).join(PAIR_SEPARATOR);
}

/** Inverse of encodePairs; '' is the empty list. */
export function decodePairs(encoded: string): [string, string][] {
  if (encoded === '') return [];
  const pairs = encoded.split(PAIR_SEPARATOR).map((pair): [string, string] => {
    const parts = pair.split(KEY_VALUE_SEPARATOR);
    const [key, value] = parts;
    if (parts.length !== 2 || key === undefined || value === undefined) {
      throw new Error(`malformed pair ${JSON.stringify(pair)} in ${JSON.stringify(encoded)}`);
    }
    return [key, value];
  });
  // Re-encoding validates tokens and uniqueness with the same rules as encoding.
  encodePairs(pairs);
  return pairs;
}

/**
 * The level a session takes for a participant-reported stratification covariate when its members
 * disagree (e.g. one says "acquainted", the other "strangers"). Such sessions form their own
 * stratum rather than being forced into either, so balance holds within the agreeing strata too.
 * A design may therefore not declare a level with this id on such a covariate (checkDesign).
 */
export const MIXED = 'mixed';

/**
 * The stratum key part naming a session's site (`site=essex`). Only sessions at a study's
 * non-primary sites carry it, so every stratum from before sites existed keeps its key.
 */
export const SITE_KEY = 'site';

/**
 * The canonical stratum key for a combination of stratification covariates: keys sorted by UTF-16
 * code units (never localeCompare, which depends on the ICU build), e.g.
 * `acquainted=strangers|gender_mix=mixed`. No covariates gives '', the single stratum.
 */
export function stratumKey(covariates: Readonly<Record<string, string>>): string {
  const keys = Object.keys(covariates).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return encodePairs(keys.map((key): [string, string] => [key, covariates[key] ?? '']));
}

/**
 * All cells of a full factorial design, in a canonical order: factors as declared (the first
 * varies slowest), levels as declared, e.g. `phone=present|seating=side_by_side`.
 * `weights` maps condition ids to positive integer weights; unlisted conditions weigh 1.
 */
export function conditionsOf(factors: readonly FactorSpec[], weights: Readonly<Record<string, number>> = {}): WeightedCondition[] {
  if (factors.length === 0) throw new Error('a design needs at least one factor');
  assertUnique(
    'factor',
    factors.map((factor) => factor.id),
  );
  let cells: [string, string][][] = [[]];
  for (const factor of factors) {
    if (factor.levels.length === 0) throw new Error(`factor ${JSON.stringify(factor.id)} has no levels`);
    assertUnique(
      `level of ${factor.id}`,
      factor.levels.map((level) => level.id),
    );
    cells = cells.flatMap((cell) => factor.levels.map((level): [string, string][] => [...cell, [factor.id, level.id]]));
  }
  const conditions = cells.map((cell) => {
    const id = encodePairs(cell);
    const weight = Object.hasOwn(weights, id) ? weights[id] : 1;
    if (weight === undefined || !Number.isInteger(weight) || weight < 1) {
      throw new Error(`weight of ${JSON.stringify(id)} must be a positive integer, got ${weight}`);
    }
    return { id, weight };
  });
  const known = new Set(conditions.map((condition) => condition.id));
  for (const id of Object.keys(weights)) {
    if (!known.has(id)) throw new Error(`weight given for unknown condition ${JSON.stringify(id)}`);
  }
  return conditions;
}

/** The factor levels of a condition id, in declared factor order: `{ phone: 'present', ... }`. */
export function conditionLevels(conditionId: string): Record<string, string> {
  // fromEntries defines own properties, so a factor named '__proto__' cannot reach the prototype.
  return Object.fromEntries(decodePairs(conditionId));
}
