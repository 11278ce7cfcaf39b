'use client';

import { useEffect, useState } from 'react';
import type { PowerAtTarget } from '@/lib/builder/power';
import { useEditor } from './editor-context';
import { NumberField } from './fields';

export interface PowerOutcome {
  readonly sessionsNeeded: number;
  /** Power at the target sessions per condition, read off the API's curve; null below its start. */
  readonly powerAtTarget: PowerAtTarget | null;
  /** The smallest d the target detects with 80 % power (two decimals); null if none up to d = 5. */
  readonly detectable: number | null;
  readonly error?: string;
}

export type PowerAction = (input: { d: number; groupSize: 1 | 2 | 3; target: number }) => Promise<PowerOutcome>;

const percent = (p: number) => `${Math.round(p * 100)} %`;

/** Asks the API 400 ms after the last change; an answer to an older question is dropped. */
function usePowerOutcome(power: PowerAction, d: number, size: 1 | 2 | 3, target: number): PowerOutcome | null {
  const [outcome, setOutcome] = useState<PowerOutcome | null>(null);
  useEffect(() => {
    if (!(d >= 0.05 && d <= 5) || !Number.isInteger(target) || target < 1) return;
    let current = true;
    const timer = setTimeout(() => {
      void power({ d, groupSize: size, target }).then((answer) => {
        if (current) setOutcome(answer);
      });
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [d, size, target, power]);
  return outcome;
}

function EffectField({ d, onChange }: { readonly d: number; readonly onChange: (d: number) => void }) {
  return (
    <div className="field">
      <label htmlFor="power-d">Effect you expect (Cohen&apos;s d on session scores)</label>
      <input
        id="power-d"
        type="number"
        className="builder-number"
        min={0.05}
        max={5}
        step={0.05}
        value={d}
        onChange={(event) => onChange(Number(event.target.value))}
      />
    </div>
  );
}

/** Target sessions per condition with the power calculator beside it (the API computes; nothing here is statistics). */
export function TargetSection({ power }: { readonly power: PowerAction }) {
  const { design, update } = useEditor();
  const [d, setD] = useState(0.5);
  const target = design.targetSessionsPerCondition;
  const size = design.sessionSize as 1 | 2 | 3;
  const outcome = usePowerOutcome(power, d, size, target);
  return (
    <section className="card builder-section" aria-labelledby="target-heading">
      <h2 id="target-heading">Target and power</h2>
      <div className="builder-row">
        <NumberField
          path="design.targetSessionsPerCondition"
          label="Target sessions per condition"
          min={1}
          max={100000}
          value={target}
          onChange={(value) => update((x) => ({ ...x, targetSessionsPerCondition: value }))}
        />
        <EffectField d={d} onChange={setD} />
      </div>
      <p aria-live="polite" data-testid="power-sentence">
        {outcome ? sentence(outcome, d, target, size) : 'Calculating…'}
      </p>
      {outcome && !outcome.error && outcome.sessionsNeeded !== target ? (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => update((x) => ({ ...x, targetSessionsPerCondition: outcome.sessionsNeeded }))}
        >
          Use {outcome.sessionsNeeded} as the target
        </button>
      ) : null}
    </section>
  );
}

function sentence(outcome: PowerOutcome, d: number, target: number, size: number): string {
  if (outcome.error) return outcome.error;
  const unit = size === 2 ? 'dyads' : size === 3 ? 'triads' : 'participants';
  const detects =
    outcome.detectable === null
      ? `${target} ${unit} per condition are too few for 80 % power at any d up to 5.`
      : `${target} ${unit} per condition give 80 % power for d = ${outcome.detectable.toFixed(2)} (α = .05, two-sided, on session scores).`;
  const forD = ` For d = ${d}, ${outcome.sessionsNeeded} per condition give 80 %`;
  const mine =
    outcome.powerAtTarget === null
      ? '.'
      : `; your target gives ${outcome.powerAtTarget.atLeast ? 'at least ' : ''}${percent(outcome.powerAtTarget.power)}.`;
  return detects + forD + mine;
}
