'use client';

import { addFactor, addLevel, removeFactor, removeLevel, setFactor } from '@/lib/builder/draft';
import type { Factor } from '@/lib/builder/types';
import { LOCKED_REASON, useEditor } from './editor-context';
import { Part, TextField } from './fields';
import { LevelEditor } from './level-editor';

/** Factors and their levels: what is assigned, what each level shows the phones and the experimenter. */
export function FactorsSection() {
  const { design, update, amend } = useEditor();
  return (
    <section className="card builder-section" aria-labelledby="factors-heading">
      <h2 id="factors-heading">Factors and levels</h2>
      {amend ? <p className="builder-locked">{LOCKED_REASON} (factor and level ids, adding or removing them)</p> : null}
      <Part path="design.factors" legend="Factors">
        {design.factors.map((factor, f) => (
          <FactorEditor key={f} factor={factor} f={f} />
        ))}
        {amend || design.factors.length >= 4 ? null : (
          <button type="button" className="button button-secondary button-small" onClick={() => update(addFactor)}>
            Add a factor
          </button>
        )}
      </Part>
    </section>
  );
}

function FactorEditor({ factor, f }: { readonly factor: Factor; readonly f: number }) {
  const { design, update, amend } = useEditor();
  return (
    <Part path={`design.factors[${f}]`} legend={`Factor ${f + 1}: ${factor.label}`} className="builder-part builder-factor">
      <div className="builder-row">
        <TextField
          path={`design.factors[${f}].label`}
          label="Factor name"
          value={factor.label}
          onChange={(label) => update((d) => setFactor(d, f, { ...factor, label }))}
        />
        <TextField
          path={`design.factors[${f}].id`}
          label="Factor id"
          mono
          readOnly={amend}
          hint="Lowercase letters, digits and _; names the export columns."
          value={factor.id}
          onChange={(id) => update((d) => setFactor(d, f, { ...factor, id }))}
        />
      </div>
      <ExploratoryCheck factor={factor} f={f} />
      <FactorLevels factor={factor} f={f} />
      {amend || design.factors.length <= 1 ? null : (
        <button
          type="button"
          className="button button-secondary button-small builder-remove"
          onClick={() => update((d) => removeFactor(d, f))}
        >
          Remove factor {factor.label}
        </button>
      )}
    </Part>
  );
}

function FactorLevels({ factor, f }: { readonly factor: Factor; readonly f: number }) {
  const { update, amend } = useEditor();
  return (
    <Part path={`design.factors[${f}].levels`} legend={`Levels of ${factor.label}`}>
      {factor.levels.map((level, l) => (
        <LevelEditor
          key={l}
          f={f}
          l={l}
          level={level}
          factorLabel={factor.label}
          canRemove={!amend && factor.levels.length > 2}
          onRemove={() => update((d) => removeLevel(d, f, l))}
        />
      ))}
      {amend ? null : (
        <button type="button" className="button button-secondary button-small" onClick={() => update((d) => addLevel(d, f))}>
          Add a level to {factor.label}
        </button>
      )}
    </Part>
  );
}

function ExploratoryCheck({ factor, f }: { readonly factor: Factor; readonly f: number }) {
  const { update } = useEditor();
  return (
    <div className="field builder-check">
      <input
        id={`exploratory-${f}`}
        type="checkbox"
        checked={factor.exploratory ?? false}
        onChange={(event) => update((d) => setFactor(d, f, { ...factor, exploratory: event.target.checked }))}
      />
      <label htmlFor={`exploratory-${f}`}>Exploratory (no original study to compare with)</label>
    </div>
  );
}
