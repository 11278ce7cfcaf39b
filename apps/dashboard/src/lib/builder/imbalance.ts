import { weightsFor } from './conditions';
import type { Design } from './types';

export interface ImbalanceSummary {
  /** Block sizes the scheme draws from (multiplier × sum of weights); empty for complete randomisation. */
  readonly blockSizes: readonly number[];
  /** The tight bound on |count − weighted share| within a stratum; null: no bound (complete). */
  readonly bound: number | null;
  readonly strata: number;
  readonly sentence: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Strata of a stratified design: one per combination of the stratifiers' levels; a reported
 * stratifier in sessions of two or more adds the "mixed" stratum for members who disagree.
 */
export function strataCount(design: Design): number {
  if (design.randomisation.scheme !== 'stratified_permuted_blocks') return 1;
  return design.stratifyBy.reduce((product, id) => {
    const covariate = design.covariates.find((candidate) => candidate.id === id);
    if (!covariate) return product;
    const mixed = covariate.source === 'participant' && design.sessionSize > 1 ? 1 : 0;
    return product * (covariate.levels.length + mixed);
  }, 1);
}

/**
 * The bound the API's permuted blocks guarantee (apps/api/src/randomisation/allocation-sequence.ts
 * `blockBound`): only the current partial block of size M·U can be unbalanced, so within a stratum
 * condition c is never more than M·w_c·(U − w_c)/U sessions from its share, M the largest multiplier
 * and U the sum of weights. With equal weights any two conditions are at most M sessions apart.
 */
export function imbalanceSummary(design: Design): ImbalanceSummary {
  const conditions = weightsFor(design);
  const unit = conditions.reduce((sum, { weight }) => sum + weight, 0);
  const multipliers = [...new Set(design.randomisation.blockMultipliers.filter((m) => Number.isInteger(m) && m > 0))].sort((a, b) => a - b);
  const strata = strataCount(design);
  if (design.randomisation.scheme === 'complete' || conditions.length === 0 || multipliers.length === 0) {
    const sentence =
      design.randomisation.scheme === 'complete'
        ? 'Complete randomisation draws each session independently: there is no bound, and the conditions can drift apart by chance.'
        : 'Add conditions and block multipliers to see the balance this scheme guarantees.';
    return { blockSizes: [], bound: null, strata, sentence };
  }
  const largest = multipliers[multipliers.length - 1] ?? 1;
  const bound = round2(Math.max(...conditions.map(({ weight }) => (largest * weight * (unit - weight)) / unit)));
  const equal = conditions.every(({ weight }) => weight === conditions[0]?.weight);
  const where = strata > 1 ? `within each of the ${strata} strata` : 'at every point of the study';
  const gap = equal
    ? `any two conditions are at most ${plural(largest * (conditions[0]?.weight ?? 1), 'session')} apart ${where}`
    : `each condition stays within ${plural(bound, 'session')} of its weighted share ${where}`;
  const pooled = strata > 1 ? ` Pooled over all strata the gap can add up, to at most ${strata} times that.` : '';
  const sentence = `Blocks of ${listOr(multipliers.map((m) => m * unit))} sessions: ${gap}.${pooled}`;
  return { blockSizes: multipliers.map((m) => m * unit), bound, strata, sentence };
}

function listOr(values: readonly number[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
