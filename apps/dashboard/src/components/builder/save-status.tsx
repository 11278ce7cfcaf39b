'use client';

import { conflictSentence } from '@/lib/builder/outcomes';
import type { EditConflict } from '@/lib/builder/types';
import type { AutosaveStatus } from './use-autosave';

const WORDS: Readonly<Record<AutosaveStatus, string>> = {
  idle: 'All changes saved',
  pending: 'Unsaved changes…',
  running: 'Saving…',
  done: 'Saved',
  failed: 'Not saved',
  stopped: 'Saving stopped',
};

/** The save state, announced politely; errors and conflicts are spelt out below it. */
export function SaveStatus({
  status,
  words = WORDS,
  message,
}: {
  readonly status: AutosaveStatus;
  readonly words?: Readonly<Record<AutosaveStatus, string>>;
  readonly message: string | null;
}) {
  return (
    <div className={`builder-status builder-status-${status}`} role="status" aria-live="polite" data-testid="save-status">
      <span>{words[status]}</span>
      {message ? <span>: {message}</span> : null}
    </div>
  );
}

export function ConflictNotice({
  conflict,
  onLoad,
  loading,
}: {
  readonly conflict: EditConflict;
  readonly onLoad: () => void;
  readonly loading: boolean;
}) {
  return (
    <div className="alert builder-conflict" role="alert" data-testid="edit-conflict">
      <p>
        <strong>Someone else saved this draft.</strong> {conflictSentence(conflict)}
      </p>
      <p>
        Your changes since then are not saved, and nothing of theirs was overwritten. Load their version to go on editing (copy any text of
        yours you want to keep first).
      </p>
      <p>
        <button type="button" className="button button-small" onClick={onLoad} disabled={loading}>
          {loading ? 'Loading…' : 'Load their version'}
        </button>
      </p>
    </div>
  );
}
