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

/**
 * The draft as edited here, saved as it changes with If-Match on the revision this editor holds:
 * a conflict stops saving until the researcher loads the other version; nothing is overwritten.
 */
export function useDraft({ initial, revision: startRevision, problems: startProblems, save, load }: DraftSource) {
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState(startProblems);
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [retryable, setRetryable] = useState(false);
  const revision = useRef(startRevision);
  const [shownRevision, setShownRevision] = useState(startRevision);
  const setRevision = useCallback((next: number) => {
    revision.current = next;
    setShownRevision(next);
  }, []);
  const latest = useRef(draft);

  const saveTask = useCallback(
    async (value: Draft) => {
      const outcome = await save(revision.current, { ...value, design: forSaving(value.design) });
      setRetryable(outcome.kind === 'error');
      setMessage(saveMessage(outcome));
      if (outcome.kind === 'saved') {
        setRevision(outcome.revision);
        setProblems(outcome.problems);
        return 'done';
      }
      if (outcome.kind === 'invalid') {
        setProblems(outcome.problems);
        return 'failed';
      }
      if (outcome.kind === 'conflict') {
        setConflict(outcome.conflict);
        return 'stopped';
      }
      return outcome.kind === 'launched' ? 'stopped' : 'failed';
    },
    [save, setRevision],
  );
  const { status, changed, resume, flushNow } = useAutosave(saveTask);
  useLeaveWarning(status === 'pending' || status === 'running' || conflict !== null);

  const change = useCallback(
    (next: Draft) => {
      latest.current = next;
      setDraft(next);
      changed(next);
    },
    [changed],
  );
  const update = useCallback(
    (edit: (design: Design) => Design) => change({ ...latest.current, design: edit(latest.current.design) }),
    [change],
  );
  const loadTheirs = useCallback(async () => {
    const outcome = await load();
    if (outcome.kind === 'error') return setMessage(outcome.message);
    setRevision(outcome.revision);
    latest.current = outcome.draft;
    setDraft(outcome.draft);
    setProblems(outcome.problems);
    setConflict(null);
    setMessage(null);
    resume();
  }, [load, resume, setRevision]);
  return { draft, problems, conflict, message, retryable, status, revision: shownRevision, change, update, loadTheirs, retry: flushNow };
}
