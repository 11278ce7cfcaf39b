'use client';

import { createContext, useContext } from 'react';
import type { Design, FieldIssue } from '@/lib/builder/types';

export interface EditorContextValue {
  readonly design: Design;
  /** Applies an edit to the design; the editor saves (or checks) it shortly after. */
  readonly update: (edit: (design: Design) => Design) => void;
  /** Problems placed at this field path (see lib/builder/paths). */
  readonly problemsAt: (path: string) => readonly FieldIssue[];
  /** Amend mode: the parts that decide allocation cannot change after launch. */
  readonly amend: boolean;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside the design editor');
  return value;
}

export const LOCKED_REASON =
  'Locked after launch: this decides the concealed allocation sequence the study committed to. To change it, start a new study.';
