'use client';

import { useState } from 'react';
import type { Draft } from '@/lib/builder/types';
import { EditorBody } from './editor-body';
import { TextField } from './fields';
import { ProblemSummary } from './problem-summary';
import { ConflictNotice, SaveStatus } from './save-status';
import type { PowerAction } from './target-section';
import { useDraft, type DraftSource } from './use-draft';

export type { LoadAction, SaveAction } from './use-draft';

/** The draft editor: saves as the researcher types (If-Match on the revision it holds), never over someone else's edit. */
export function DraftEditor({ power, ...source }: DraftSource & { readonly power: PowerAction }) {
  const editor = useDraft(source);
  const [loading, setLoading] = useState(false);
  const loadTheirs = async () => {
    setLoading(true);
    await editor.loadTheirs();
    setLoading(false);
  };
  return (
    <div className="builder">
      <div className="builder-bar">
        <SaveStatus status={editor.status} message={editor.message} />
        {editor.status === 'failed' && editor.retryable ? (
          <button type="button" className="button button-secondary button-small" onClick={() => void editor.retry()}>
            Save again
          </button>
        ) : null}
        <span className="muted" data-testid="revision">
          Version {editor.revision}
        </span>
      </div>
      {editor.conflict ? <ConflictNotice conflict={editor.conflict} loading={loading} onLoad={() => void loadTheirs()} /> : null}
      <EditorBody
        design={editor.draft.design}
        update={editor.update}
        problems={editor.problems}
        amend={false}
        power={power}
        summary={(placed) => <ProblemSummary placed={placed} amend={false} />}
      >
        <Basics draft={editor.draft} onChange={editor.change} />
      </EditorBody>
    </div>
  );
}

function Basics({ draft, onChange }: { readonly draft: Draft; readonly onChange: (draft: Draft) => void }) {
  return (
    <section className="card builder-section" aria-labelledby="basics-heading">
      <h2 id="basics-heading">Title and description</h2>
      <TextField path="title" label="Title" value={draft.title} onChange={(title) => onChange({ ...draft, title })} />
      <TextField
        path="description"
        label="Description (researchers only)"
        multiline
        value={draft.description}
        onChange={(description) => onChange({ ...draft, description })}
      />
    </section>
  );
}
