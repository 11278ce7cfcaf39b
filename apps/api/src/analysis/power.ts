import { powerCurve, sessionPlan } from '@attune/analysis';

export interface PowerInput {
  readonly d: number;
  readonly alpha: number;
  readonly power: number;
  readonly icc: number;
  readonly groupSize: number;
}

export interface PowerAnswer {
  readonly input: PowerInput;
  readonly dyadsPerCondition: number;
  readonly participantsPerCondition: number;
  readonly designEffect: number;
  readonly individualLevel: {
    readonly independentPerCondition: number;
    readonly participantsPerCondition: number;
    readonly sessionsPerCondition: number;
  };
  readonly curve: readonly { readonly n: number; readonly power: number }[];
}

/**
 * The sample-size calculator (builder and dashboard): sessions per condition for a two-sided t test
 * on session scores (pwr::pwr.t.test), the individual-level equivalent, and the power curve from 5
 * sessions to twice the answer, so a researcher sees what fewer or more sessions would buy.
 */
export function powerAnswer(input: PowerInput): PowerAnswer {
  const plan = sessionPlan(input);
  const top = Math.max(10, plan.sessionsPerCondition * 2);
  const step = Math.max(1, Math.round(top / 40));
  const sizes = Array.from({ length: Math.floor((top - 5) / step) + 1 }, (_, i) => 5 + i * step);
  return {
    input,
    dyadsPerCondition: plan.sessionsPerCondition,
    participantsPerCondition: plan.participantsPerCondition,
    designEffect: plan.designEffect,
    individualLevel: plan.individualLevel,
    curve: powerCurve({ d: input.d, alpha: input.alpha, sessionsPerCondition: sizes }),
  };
}
