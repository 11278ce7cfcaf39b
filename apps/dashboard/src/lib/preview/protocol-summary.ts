import { type Condition, conditionsOf, type Design } from './conditions';

export interface WeightedCondition extends Condition {
  readonly weight: number;
}

export interface ProtocolSummary {
  readonly conditions: readonly WeightedCondition[];
  readonly sessionSize: number;
  readonly targetPerCondition: number;
  /** Sessions over all conditions (target × number of conditions). */
  readonly targetSessions: number;
  readonly randomisation: string;
  readonly instruments: { readonly pre: readonly string[]; readonly post: readonly string[] };
  readonly languages: readonly string[];
  readonly conversationMinutes: number;
  readonly consentVersion: string;
  readonly completion: string;
}

function list(words: readonly number[]): string {
  const all = words.map(String);
  return all.length <= 1 ? all.join('') : `${all.slice(0, -1).join(', ')} or ${all.at(-1)}`;
}

/**
 * The randomisation in words. A permuted block holds each condition `weight × multiplier` times,
 * so its size is the multiplier times the sum of the weights.
 */
export function randomisationWords(design: Pick<Design, 'randomisation' | 'stratifyBy' | 'covariates'>, totalWeight: number): string {
  const { scheme, blockMultipliers } = design.randomisation;
  if (scheme === 'complete') return 'Complete randomisation: each session drawn independently (arms may drift apart in size).';
  const sizes = [...blockMultipliers].sort((a, b) => a - b).map((m) => m * totalWeight);
  const blocks = `permuted blocks of ${list(sizes)} sessions, the size drawn at random for each block`;
  if (scheme === 'permuted_blocks') return `Permuted blocks: ${blocks}.`;
  const labels = design.stratifyBy.map((id) => design.covariates.find((covariate) => covariate.id === id)?.label ?? id);
  return `Stratified permuted blocks: ${blocks}, separately within each stratum (stratified by: ${labels.join('; ')}).`;
}

/** What launch freezes, in the terms of the launch review. */
export function protocolSummary(design: Design): ProtocolSummary {
  const conditions = conditionsOf(design).map((condition) => ({ ...condition, weight: design.conditionWeights?.[condition.id] ?? 1 }));
  const totalWeight = conditions.reduce((sum, condition) => sum + condition.weight, 0);
  const target = design.targetSessionsPerCondition ?? 0;
  const completion = design.completion;
  return {
    conditions,
    sessionSize: design.sessionSize,
    targetPerCondition: target,
    targetSessions: target * conditions.length,
    randomisation: randomisationWords(design, totalWeight),
    instruments: {
      pre: (design.instruments?.pre ?? []).map((ref) => `${ref.id} v${ref.version}`),
      post: (design.instruments?.post ?? []).map((ref) => `${ref.id} v${ref.version}`),
    },
    languages: design.languages ?? [],
    conversationMinutes: Math.round((design.conversation?.durationSeconds ?? 0) / 60),
    consentVersion: design.consent?.version ?? '',
    completion: completion?.kind === 'redirect' ? `redirect to ${completion.url ?? ''}` : `completion code ${completion?.code ?? ''}`,
  };
}
