'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { forSaving } from '@/lib/builder/draft';
import { saveMessage, type LoadOutcome, type SaveOutcome } from '@/lib/builder/outcomes';
import type { Design, Draft, EditConflict, FieldIssue } from '@/lib/builder/types';
import { useAutosave } from './use-autosave';

export type SaveAction = (revision: number, draft: Draft) => Promise<SaveOutcome>;
export type LoadAction = () => Promise<LoadOutcome>;

export interface DraftSource {
  readonly initial: Draft;
  readonly revision: number;
  readonly problems: readonly FieldIssue[];
  readonly save: SaveAction;
  readonly load: LoadAction;
}

/** Leaving with an edit not yet saved asks first (the browser words the question). */
function useLeaveWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

function useRevision(start: number) {
  const revision = useRef(start);
  const [shown, setShown] = useState(start);
  const setRevision = useCallback((next: number) => {
    revision.current = next;
    setShown(next);
  }, []);
  return { revision, shown, setRevision };
}

/** The draft shown, and a ref to the newest one so that edits made before a render build on each other. */
function useEditedDraft(initial: Draft, changed: (draft: Draft) => void) {
  const [draft, setDraft] = useState(initial);
  const latest = useRef(draft);
  const replace = useCallback((next: Draft) => {
    latest.current = next;
    setDraft(next);
  }, []);
  const change = useCallback(
    (next: Draft) => {
      replace(next);
      changed(next);
    },
    [replace, changed],
  );
  const update = useCallback(
    (edit: (design: Design) => Design) => change({ ...latest.current, design: edit(latest.current.design) }),
    [change],
  );
  return { draft, replace, change, update };
}

interface SaveEffects {
  readonly setRevision: (revision: number) => void;
  readonly setProblems: (problems: readonly FieldIssue[]) => void;
  readonly setConflict: (conflict: EditConflict) => void;
}

/** What a save's outcome means for autosaving: saved, failed (the next change tries again), or stopped. */
function afterSave(outcome: SaveOutcome, on: SaveEffects): 'done' | 'failed' | 'stopped' {
  if (outcome.kind === 'saved') {
    on.setRevision(outcome.revision);
    on.setProblems(outcome.problems);
    return 'done';
  }
  if (outcome.kind === 'invalid') {
    on.setProblems(outcome.problems);
    return 'failed';
  }
  if (outcome.kind === 'conflict') {
    on.setConflict(outcome.conflict);
    return 'stopped';
  }
  return outcome.kind === 'launched' ? 'stopped' : 'failed';
}

/**
 * The draft as edited here, saved as it changes with If-Match on the revision this editor holds:
 * a conflict stops saving until the researcher loads the other version; nothing is overwritten.
 */
export function useDraft({ initial, revision: startRevision, problems: startProblems, save, load }: DraftSource) {
  const [problems, setProblems] = useState(startProblems);
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [retryable, setRetryable] = useState(false);
  const { revision, shown: shownRevision, setRevision } = useRevision(startRevision);

  const saveTask = useCallback(
    async (value: Draft) => {
      const outcome = await save(revision.current, { ...value, design: forSaving(value.design) });
      setRetryable(outcome.kind === 'error');
      setMessage(saveMessage(outcome));
      return afterSave(outcome, { setRevision, setProblems, setConflict });
    },
    [save, revision, setRevision],
  );
  const { status, changed, resume, flushNow } = useAutosave(saveTask);
  useLeaveWarning(status === 'pending' || status === 'running' || conflict !== null);
  const { draft, replace, change, update } = useEditedDraft(initial, changed);

  const loadTheirs = useCallback(async () => {
    const outcome = await load();
    if (outcome.kind === 'error') return setMessage(outcome.message);
    setRevision(outcome.revision);
    replace(outcome.draft);
    setProblems(outcome.problems);
    setConflict(null);
    setMessage(null);
    resume();
  }, [load, resume, setRevision, replace]);
  return { draft, problems, conflict, message, retryable, status, revision: shownRevision, change, update, loadTheirs, retry: flushNow };
}
