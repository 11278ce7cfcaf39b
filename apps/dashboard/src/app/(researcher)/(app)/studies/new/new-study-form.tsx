'use client';

import { useActionState } from 'react';
import type { Template } from '@/lib/api/study-design';
import { newStudy } from './actions';
import { SCRATCH, type NewStudyState } from './new-study-state';

function TitleField({ state }: { readonly state: NewStudyState }) {
  return (
    <div className="field">
      <label htmlFor="new-title">Title</label>
      <input
        id="new-title"
        name="title"
        type="text"
        required
        maxLength={200}
        defaultValue={state.title ?? ''}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? 'new-error' : undefined}
      />
    </div>
  );
}

/** A template with what it replicates and how it deviates, read with its radio button. */
function TemplateChoice({ template, first }: { readonly template: Template; readonly first: boolean }) {
  return (
    <li className="builder-template card">
      <input
        id={`template-${template.id}`}
        type="radio"
        name="template"
        value={template.id}
        defaultChecked={first}
        required
        aria-describedby={`template-${template.id}-about`}
      />
      <div>
        <label htmlFor={`template-${template.id}`} className="builder-template-title">
          {template.title}
        </label>
        <div id={`template-${template.id}-about`}>
          <p>{template.description}</p>
          <p>
            <strong>Replicates:</strong> {template.replicates ?? 'no original study (a new design)'}
          </p>
          {template.deviations.length ? (
            <>
              <p>
                <strong>Deviates:</strong>
              </p>
              <ul>
                {template.deviations.map((deviation) => (
                  <li key={deviation}>{deviation}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
    </li>
  );
}

function ScratchChoice() {
  return (
    <li className="builder-template card">
      <input id="template-scratch" type="radio" name="template" value={SCRATCH} aria-describedby="template-scratch-about" />
      <div>
        <label htmlFor="template-scratch" className="builder-template-title">
          From scratch
        </label>
        <p id="template-scratch-about">
          One factor with two placeholder levels and empty texts; the design page lists what launch still needs.
        </p>
      </div>
    </li>
  );
}

/** Title and a starting point: a template (what it replicates, how it deviates) or nothing. */
export function NewStudyForm({ templates }: { readonly templates: readonly Template[] }) {
  const [state, action, pending] = useActionState(newStudy, {} as NewStudyState);
  return (
    <form action={action} className="form builder-new">
      <TitleField state={state} />
      <fieldset className="builder-part">
        <legend>Start from</legend>
        <ul className="builder-templates">
          {templates.map((template, i) => (
            <TemplateChoice key={template.id} template={template} first={i === 0} />
          ))}
          {templates.some((template) => template.replicates === null) ? null : <ScratchChoice />}
        </ul>
      </fieldset>
      {state.error ? (
        <p id="new-error" className="alert" role="alert">
          {state.error}
        </p>
      ) : null}
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Creating…' : 'Create the draft'}
        </button>
      </div>
    </form>
  );
}
