'use client';

import { weightsFor } from '@/lib/builder/conditions';
import { showsStratification } from '@/lib/builder/field-paths';
import { imbalanceSummary } from '@/lib/builder/imbalance';
import type { Design } from '@/lib/builder/types';
import { LOCKED_REASON, useEditor } from './editor-context';
import { Part, SelectField } from './fields';

type Scheme = Design['randomisation']['scheme'];
const SCHEMES: ReadonlyArray<readonly [Scheme, string]> = [
  ['complete', 'Complete randomisation (no blocks)'],
  ['permuted_blocks', 'Permuted blocks of random size'],
  ['stratified_permuted_blocks', 'Stratified permuted blocks'],
];
const MULTIPLIERS = [1, 2, 3, 4, 5, 6] as const;

/** Session size, scheme, blocks and strata, with the balance they guarantee in words; and the dropout policy. */
export function RandomisationSection() {
  const { design, update, amend } = useEditor();
  const { randomisation } = design;
  return (
    <section className="card builder-section" aria-labelledby="randomisation-heading">
      <h2 id="randomisation-heading">Sessions and randomisation</h2>
      {amend ? <p className="builder-locked">{LOCKED_REASON} (session size, scheme, blocks, stratification)</p> : null}
      <SizeAndScheme />
      {randomisation.scheme === 'complete' ? null : <BlockSizes />}
      {showsStratification(design) ? <Stratification /> : null}
      <p className="builder-bound" data-testid="imbalance">
        {imbalanceSummary(design).sentence}
      </p>
      <SelectField
        path="design.dropoutPolicy"
        label="When a member leaves before the conversation"
        value={design.dropoutPolicy}
        options={[
          ['keep_as_randomised', 'Keep the session as randomised (analyse as allocated)'],
          ['reform_remaining', 'Re-form: the remaining member waits for a new session'],
        ]}
        onChange={(dropoutPolicy) => update((d) => ({ ...d, dropoutPolicy }))}
      />
    </section>
  );
}

function SizeAndScheme() {
  const { design, update, amend } = useEditor();
  const { randomisation } = design;
  return (
    <div className="builder-row">
      <SelectField
        path="design.sessionSize"
        label="People per session"
        value={String(design.sessionSize) as '1' | '2' | '3'}
        disabled={amend}
        options={[
          ['1', '1 (solo)'],
          ['2', '2 (dyads)'],
          ['3', '3 (triads)'],
        ]}
        onChange={(size) => update((d) => ({ ...d, sessionSize: Number(size) as 1 | 2 | 3 }))}
      />
      <SelectField
        path="design.randomisation.scheme"
        label="Randomisation scheme"
        value={randomisation.scheme}
        options={SCHEMES}
        disabled={amend}
        onChange={(scheme) =>
          update((d) => ({
            ...d,
            randomisation: { ...d.randomisation, scheme },
            stratifyBy: scheme === 'stratified_permuted_blocks' ? d.stratifyBy : [],
          }))
        }
      />
    </div>
  );
}

function BlockSizes() {
  const { design, update, amend } = useEditor();
  const { randomisation } = design;
  const unit = weightsFor(design).reduce((sum, { weight }) => sum + weight, 0);
  const setRandomisation = (next: Partial<Design['randomisation']>) =>
    update((d) => ({ ...d, randomisation: { ...d.randomisation, ...next } }));
  return (
    <Part
      path="design.randomisation.blockMultipliers"
      legend="Block sizes (each block's size is drawn from these)"
      className="builder-part builder-inline"
    >
      {MULTIPLIERS.map((m) => (
        <span key={m} className="builder-check">
          <input
            id={`multiplier-${m}`}
            type="checkbox"
            disabled={amend}
            checked={randomisation.blockMultipliers.includes(m)}
            onChange={(event) =>
              setRandomisation({
                blockMultipliers: event.target.checked
                  ? [...randomisation.blockMultipliers, m].sort((a, b) => a - b)
                  : randomisation.blockMultipliers.filter((x) => x !== m),
              })
            }
          />
          <label htmlFor={`multiplier-${m}`}>
            {m * unit} sessions (×{m})
          </label>
        </span>
      ))}
    </Part>
  );
}

function Stratification() {
  const { design, update, amend } = useEditor();
  return (
    <Part
      path="design.stratifyBy"
      legend="Stratify by (balance holds within each combination of these)"
      className="builder-part builder-inline"
    >
      {design.covariates.length === 0 ? <p className="muted">Add a covariate first.</p> : null}
      {design.covariates.map((covariate) => (
        <span key={covariate.id} className="builder-check">
          <input
            id={`stratify-${covariate.id}`}
            type="checkbox"
            disabled={amend}
            checked={design.stratifyBy.includes(covariate.id)}
            onChange={(event) =>
              update((d) => ({
                ...d,
                stratifyBy: event.target.checked ? [...d.stratifyBy, covariate.id] : d.stratifyBy.filter((id) => id !== covariate.id),
              }))
            }
          />
          <label htmlFor={`stratify-${covariate.id}`}>{covariate.label}</label>
        </span>
      ))}
    </Part>
  );
}
