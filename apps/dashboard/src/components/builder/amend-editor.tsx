'use client';

import { useCallback, useMemo, useRef, useState } from 'react';
import { designDiff } from '@/lib/builder/diff';
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

const CHECK_WORDS = { idle: 'No changes yet', pending: 'Changed…', running: 'Checking…', done: 'Checked', failed: 'Not checked', stopped: 'Checking stopped' } as const;

/** The editor in amend mode: allocation parts locked, checked as you type, a diff against the current protocol, a reason. */
export function AmendEditor({ current, protocolVersion, check, amend, power }: AmendEditorProps) {
  const [design, setDesign] = useState(current);
  const [problems, setProblems] = useState<readonly FieldIssue[]>([]);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const latest = useRef(design);
  const checkTask = useCallback(async (value: Design) => {
    const outcome = await check(forSaving(value));
    if (outcome.kind === 'error') { setMessage(outcome.message); return 'failed'; }
    setMessage(null);
    setProblems(outcome.problems);
    return 'done';
  }, [check]);
  const autosave = useAutosave(checkTask);
  const update = useCallback((edit: (d: Design) => Design) => {
    latest.current = edit(latest.current);
    setDesign(latest.current);
    autosave.changed(latest.current);
  }, [autosave]);
  const diff = useMemo(() => designDiff(current, forSaving(design)), [current, design]);
  const submit = async () => {
    setSubmitting(true);
    const outcome = await amend(forSaving(latest.current), reason.trim());
    // Success navigates away; only a refusal comes back.
    setSubmitting(false);
    setMessage(outcome.message);
    if (outcome.kind === 'invalid') setProblems(outcome.problems);
  };
  const ready = diff.length > 0 && reason.trim().length >= 3 && problems.length === 0 && autosave.status !== 'running' && autosave.status !== 'pending';
  return (
    <div className="builder">
      <div className="builder-bar">
        <SaveStatus status={autosave.status} words={CHECK_WORDS} message={message} />
        <a href="#amendment-heading">{diff.length === 1 ? '1 change' : `${diff.length} changes`}: review and save</a>
      </div>
      <EditorBody design={design} update={update} problems={problems} amend power={power} summary={(placed) => <ProblemSummary placed={placed} amend />} footer={
        <section className="card builder-section" aria-labelledby="amendment-heading">
          <h2 id="amendment-heading">The amendment</h2>
          <DiffTable entries={diff} against={protocolVersion} />
          <div className="field">
            <label htmlFor="amend-reason">Reason for the amendment (required; stored with the new protocol version)</label>
            <textarea id="amend-reason" rows={3} required minLength={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
          <div>
            <button type="button" className="button" disabled={!ready || submitting} onClick={() => void submit()}>{submitting ? 'Saving the new version…' : `Save as protocol version ${(protocolVersion ?? 0) + 1}`}</button>
          </div>
          {diff.length === 0 ? <p className="muted">Change something above to amend the protocol.</p> : null}
        </section>
      } />
    </div>
  );
}
