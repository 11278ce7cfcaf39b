'use client';

import { addCovariate, removeAt, removeCovariate, setCovariate } from '@/lib/builder/draft';
import type { Covariate } from '@/lib/builder/types';
import { LOCKED_REASON, useEditor } from './editor-context';
import { LocalizedField, Part, SelectField, TextField } from './fields';

type CovariateLevel = Covariate['levels'][number];

/** Covariates: asked of each participant (question and answers) or observed by the research assistant. */
export function CovariatesSection() {
  const { design, update } = useEditor();
  return (
    <section className="card builder-section" aria-labelledby="covariates-heading">
      <h2 id="covariates-heading">Covariates</h2>
      <Part path="design.covariates" legend="Covariates">
        {design.covariates.length === 0 ? <p className="muted">No covariates.</p> : null}
        {design.covariates.map((covariate, c) => (
          <CovariateEditor key={c} c={c} covariate={covariate} />
        ))}
        <div className="builder-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => update((d) => addCovariate(d, 'participant'))}
          >
            Add a question for participants
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => update((d) => addCovariate(d, 'observed'))}>
            Add an observed covariate
          </button>
        </div>
      </Part>
    </section>
  );
}

function CovariateEditor({ c, covariate }: { readonly c: number; readonly covariate: Covariate }) {
  const { design, update, amend } = useEditor();
  const at = `design.covariates[${c}]`;
  // A stratifier defines strata, so after launch it keeps its id, source, relation and levels.
  const locked = amend && design.stratifyBy.includes(covariate.id);
  const set = (next: Covariate) => update((d) => setCovariate(d, c, next));
  return (
    <Part path={at} legend={`Covariate: ${covariate.label}`} className="builder-part builder-covariate">
      {locked ? <p className="builder-locked">{LOCKED_REASON} (a stratifier&apos;s id, source, partner relation and levels)</p> : null}
      <div className="builder-row">
        <TextField path={`${at}.label`} label="Name" value={covariate.label} onChange={(label) => set({ ...covariate, label })} />
        <TextField path={`${at}.id`} label="Id" mono readOnly={locked} value={covariate.id} onChange={(id) => set({ ...covariate, id })} />
      </div>
      <CovariateSource at={at} covariate={covariate} locked={locked} onChange={set} />
      {covariate.source === 'participant' ? (
        <LocalizedField
          path={`${at}.question`}
          label="Question"
          text={covariate.question}
          onChange={(question) => set({ ...covariate, question })}
        />
      ) : null}
      <CovariateAnswers at={at} covariate={covariate} locked={locked} onChange={set} />
      {locked ? null : (
        <button
          type="button"
          className="button button-secondary button-small builder-remove"
          onClick={() => update((d) => removeCovariate(d, c))}
        >
          Remove covariate {covariate.label}
        </button>
      )}
    </Part>
  );
}

interface CovariatePartProps {
  readonly at: string;
  readonly covariate: Covariate;
  readonly locked: boolean;
  readonly onChange: (covariate: Covariate) => void;
}

function CovariateSource({ at, covariate, locked, onChange: set }: CovariatePartProps) {
  return (
    <div className="builder-row">
      <SelectField
        path={`${at}.source`}
        label="Who records it"
        value={covariate.source}
        disabled={locked}
        options={[
          ['participant', 'Each participant answers a question'],
          ['observed', 'The research assistant observes it'],
        ]}
        onChange={(source) => set({ ...covariate, source })}
      />
      <SelectField
        path={`${at}.relation`}
        label="About"
        value={covariate.relation ?? 'self'}
        disabled={locked}
        options={[
          ['self', 'The participant or the session'],
          ['partner', 'The conversation partner (asked once seated together)'],
        ]}
        onChange={(relation) => set(relation === 'partner' ? { ...covariate, relation } : withoutRelation(covariate))}
      />
    </div>
  );
}

function withoutRelation(covariate: Covariate): Covariate {
  const { relation: _relation, ...rest } = covariate;
  return rest;
}

function CovariateAnswers({ at, covariate, locked, onChange: set }: CovariatePartProps) {
  return (
    <Part path={`${at}.levels`} legend={`Answers of ${covariate.label}`}>
      {covariate.levels.map((level, l) => (
        <CovariateAnswer key={l} at={at} covariate={covariate} level={level} l={l} locked={locked} onChange={set} />
      ))}
      {locked ? null : (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() =>
            set({
              ...covariate,
              levels: [
                ...covariate.levels,
                { id: `answer_${covariate.levels.length + 1}`, label: `Answer ${covariate.levels.length + 1}` },
              ],
            })
          }
        >
          Add an answer
        </button>
      )}
    </Part>
  );
}

/** One answer of a covariate: its name, id, the phone's wording and its removal. */
interface CovariateAnswerProps extends CovariatePartProps {
  readonly level: CovariateLevel;
  readonly l: number;
}

function CovariateAnswer({ at, covariate, level, l, locked, onChange: set }: CovariateAnswerProps) {
  const path = `${at}.levels[${l}]`;
  const setLevel = (patch: Partial<CovariateLevel>) =>
    set({ ...covariate, levels: covariate.levels.map((x, i) => (i === l ? { ...x, ...patch } : x)) });
  return (
    <div className="builder-part builder-answer">
      <div className="builder-row">
        <TextField path={`${path}.label`} label={`Answer ${l + 1} name`} value={level.label} onChange={(label) => setLevel({ label })} />
        <TextField
          path={`${path}.id`}
          label={`Answer ${l + 1} id`}
          mono
          readOnly={locked}
          value={level.id}
          onChange={(id) => setLevel({ id })}
        />
      </div>
      {covariate.source === 'participant' ? (
        <LocalizedField
          path={`${path}.text`}
          label={`Answer ${l + 1} as the phone shows it`}
          text={level.text}
          onChange={(text) => setLevel({ text })}
        />
      ) : null}
      {!locked && covariate.levels.length > 2 ? (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => set({ ...covariate, levels: removeAt(covariate.levels, l) })}
        >
          Remove answer {level.label}
        </button>
      ) : null}
    </div>
  );
}
