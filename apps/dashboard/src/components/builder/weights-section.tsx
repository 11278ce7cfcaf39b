'use client';

import { conditionName, weightsFor } from '@/lib/builder/conditions';
import { LOCKED_REASON, useEditor } from './editor-context';
import { NumberField, Part } from './fields';

/** Allocation weight per condition (1 to 10; 1 is equal allocation). */
export function WeightsSection() {
  const { design, update, amend } = useEditor();
  const weights = weightsFor(design);
  const setWeight = (id: string, weight: number) =>
    update((d) => {
      const { [id]: _previous, ...rest } = d.conditionWeights;
      return { ...d, conditionWeights: weight === 1 ? rest : { ...rest, [id]: weight } };
    });
  return (
    <section className="card builder-section" aria-labelledby="weights-heading">
      <h2 id="weights-heading">Conditions and weights</h2>
      <p className="muted">
        {weights.length} conditions, every combination of the levels. A weight of 2 allocates a condition twice as often as one of weight 1.
      </p>
      {amend ? <p className="builder-locked">{LOCKED_REASON}</p> : null}
      <Part path="design.conditionWeights" legend="Weight of each condition">
        <div className="builder-grid">
          {weights.map(({ id, weight }) => (
            <NumberField
              key={id}
              path={`design.conditionWeights.${id}`}
              label={conditionName(design, id)}
              min={1}
              max={10}
              value={weight}
              readOnly={amend}
              onChange={(value) => setWeight(id, value)}
            />
          ))}
        </div>
      </Part>
    </section>
  );
}
