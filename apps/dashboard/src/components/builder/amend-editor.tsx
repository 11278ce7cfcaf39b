'use client';

import { useCallback, useMemo, useRef, useState } from 'react';
import { designDiff, type DiffEntry } from '@/lib/builder/diff';
import { forSaving } from '@/lib/builder/draft';
import type { AmendOutcome, CheckOutcome } from '@/lib/builder/outcomes';
import type { Design, FieldIssue } from '@/lib/builder/types';
import { DiffTable } from './diff-table';
import { EditorBody } from './editor-body';
import { ProblemSummary } from './problem-summary';
import { SaveStatus } from './save-status';
import type { PowerAction } from './target-section';
import { useAutosave } from './use-autosave';

export type CheckAction = (design: Design) => Promise<CheckOutcome>;
export type AmendAction = (design: Design, reason: string) => Promise<AmendOutcome>;

interface AmendEditorProps {
  readonly current: Design;
  readonly protocolVersion: number | null;
  readonly check: CheckAction;
  readonly amend: AmendAction;
  readonly power: PowerAction;
}

const CHECK_WORDS = {
  idle: 'No changes yet',
  pending: 'Changed…',
  running: 'Checking…',
  done: 'Checked',
  failed: 'Not checked',
  stopped: 'Checking stopped',
} as const;

/** The amended design, checked by the API (design-check) shortly after each change; nothing is saved until submitted. */
function useCheckedDesign(current: Design, check: CheckAction) {
  const [design, setDesign] = useState(current);
  const [problems, setProblems] = useState<readonly FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const latest = useRef(design);
  const checkTask = useCallback(
    async (value: Design) => {
      const outcome = await check(forSaving(value));
      if (outcome.kind === 'error') {
        setMessage(outcome.message);
        return 'failed';
      }
      setMessage(null);
      setProblems(outcome.problems);
      return 'done';
    },
    [check],
  );
  const { status, changed } = useAutosave(checkTask);
  const update = useCallback(
    (edit: (d: Design) => Design) => {
      latest.current = edit(latest.current);
      setDesign(latest.current);
      changed(latest.current);
    },
    [changed],
  );
  return { design, latest, problems, setProblems, message, setMessage, status, update };
}

/** The editor in amend mode: allocation parts locked, checked as you type, a diff against the current protocol, a reason. */
export function AmendEditor({ current, protocolVersion, check, amend, power }: AmendEditorProps) {
  const editor = useCheckedDesign(current, check);
  const diff = useMemo(() => designDiff(current, forSaving(editor.design)), [current, editor.design]);
  const settled = editor.status !== 'running' && editor.status !== 'pending';
  const submit = async (reason: string) => {
    const outcome = await amend(forSaving(editor.latest.current), reason);
    // Success navigates to the study page; only a refusal comes back.
    editor.setMessage(outcome.message);
    if (outcome.kind === 'invalid') editor.setProblems(outcome.problems);
  };
  return (
    <div className="builder">
      <div className="builder-bar">
        <SaveStatus status={editor.status} words={CHECK_WORDS} message={editor.message} />
        <a href="#amendment-heading">{diff.length === 1 ? '1 change' : `${diff.length} changes`}: review and save</a>
      </div>
      <EditorBody
        design={editor.design}
        update={editor.update}
        problems={editor.problems}
        amend
        power={power}
        summary={(placed) => <ProblemSummary placed={placed} amend />}
        footer={
          <AmendmentPanel diff={diff} protocolVersion={protocolVersion} ready={settled && editor.problems.length === 0} onSubmit={submit} />
        }
      />
    </div>
  );
}

interface AmendmentPanelProps {
  readonly diff: readonly DiffEntry[];
  readonly protocolVersion: number | null;
  /** Checked, with no problems. */
  readonly ready: boolean;
  readonly onSubmit: (reason: string) => Promise<void>;
}

function AmendmentPanel({ diff, protocolVersion, ready, onSubmit }: AmendmentPanelProps) {
  const [reason, setReason] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const submit = async () => {
    setSubmitting(true);
    await onSubmit(reason.trim());
    setSubmitting(false);
  };
  const enabled = ready && diff.length > 0 && reason.trim().length >= 3 && !submitting;
  return (
    <section className="card builder-section" aria-labelledby="amendment-heading">
      <h2 id="amendment-heading">The amendment</h2>
      <DiffTable entries={diff} against={protocolVersion} />
      <div className="field">
        <label htmlFor="amend-reason">Reason for the amendment (required; stored with the new protocol version)</label>
        <textarea
          id="amend-reason"
          rows={3}
          required
          minLength={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <div>
        <button type="button" className="button" disabled={!enabled} onClick={() => void submit()}>
          {submitting ? 'Saving the new version…' : `Save as protocol version ${(protocolVersion ?? 0) + 1}`}
        </button>
      </div>
      {diff.length === 0 ? <p className="muted">Change something above to amend the protocol.</p> : null}
    </section>
  );
}
