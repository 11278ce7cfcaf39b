'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { forSaving } from '@/lib/builder/draft';
import type { LoadOutcome, SaveOutcome } from '@/lib/builder/outcomes';
import type { Design, Draft, EditConflict, FieldIssue } from '@/lib/builder/types';
import { EditorBody } from './editor-body';
import { TextField } from './fields';
import { ProblemSummary } from './problem-summary';
import { ConflictNotice, SaveStatus } from './save-status';
import type { PowerAction } from './target-section';
import { useAutosave } from './use-autosave';

export type SaveAction = (revision: number, draft: Draft) => Promise<SaveOutcome>;
export type LoadAction = () => Promise<LoadOutcome>;

interface DraftEditorProps {
  readonly initial: Draft;
  readonly revision: number;
  readonly problems: readonly FieldIssue[];
  readonly save: SaveAction;
  readonly load: LoadAction;
  readonly power: PowerAction;
}

/** The draft editor: saves as the researcher types (If-Match on the revision it holds), never over someone else's edit. */
export function DraftEditor(props: DraftEditorProps) {
  const [draft, setDraft] = useState(props.initial);
  const [problems, setProblems] = useState(props.problems);
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [retryable, setRetryable] = useState(false);
  const revision = useRef(props.revision);
  const latest = useRef(draft);

  const saveTask = useCallback(async (value: Draft) => {
    const outcome = await props.save(revision.current, { ...value, design: forSaving(value.design) });
    setRetryable(outcome.kind === 'error');
    setMessage(outcome.kind === 'error' ? outcome.message : outcome.kind === 'invalid' ? 'the marked fields have a format the API refuses' : outcome.kind === 'launched' ? 'the study has been launched; amend it instead' : null);
    if (outcome.kind === 'saved') { revision.current = outcome.revision; setProblems(outcome.problems); return 'done'; }
    if (outcome.kind === 'invalid') { setProblems(outcome.problems); return 'failed'; }
    if (outcome.kind === 'conflict') { setConflict(outcome.conflict); return 'stopped'; }
    return outcome.kind === 'launched' ? 'stopped' : 'failed';
  }, [props]);
  const autosave = useAutosave(saveTask);
  const unsaved = autosave.status === 'pending' || autosave.status === 'running' || conflict !== null;
  useEffect(() => {
    if (!unsaved) return;
    // Leaving with an edit not yet saved asks first (the browser words the question).
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const change = useCallback((next: Draft) => {
    latest.current = next;
    setDraft(next);
    autosave.changed(next);
  }, [autosave]);
  const update = useCallback((edit: (design: Design) => Design) => change({ ...latest.current, design: edit(latest.current.design) }), [change]);

  const loadTheirs = async () => {
    setLoading(true);
    const outcome = await props.load();
    setLoading(false);
    if (outcome.kind === 'error') return setMessage(outcome.message);
    revision.current = outcome.revision;
    latest.current = outcome.draft;
    setDraft(outcome.draft);
    setProblems(outcome.problems);
    setConflict(null);
    setMessage(null);
    autosave.resume();
  };

  return (
    <div className="builder">
      <div className="builder-bar">
        <SaveStatus status={autosave.status} message={message} />
        {autosave.status === 'failed' && retryable ? <button type="button" className="button button-secondary button-small" onClick={() => void autosave.flushNow()}>Save again</button> : null}
        <span className="muted" data-testid="revision">Version {revision.current}</span>
      </div>
      {conflict ? <ConflictNotice conflict={conflict} loading={loading} onLoad={() => void loadTheirs()} /> : null}
      <EditorBody design={draft.design} update={update} problems={problems} amend={false} power={props.power}
        summary={(placed) => <ProblemSummary placed={placed} amend={false} />}>
        <Basics draft={draft} onChange={change} />
      </EditorBody>
    </div>
  );
}

function Basics({ draft, onChange }: { readonly draft: Draft; readonly onChange: (draft: Draft) => void }) {
  return (
    <section className="card builder-section" aria-labelledby="basics-heading">
      <h2 id="basics-heading">Title and description</h2>
      <TextField path="title" label="Title" value={draft.title} onChange={(title) => onChange({ ...draft, title })} />
      <TextField path="description" label="Description (researchers only)" multiline value={draft.description} onChange={(description) => onChange({ ...draft, description })} />
    </section>
  );
}
