import { canonicalJson } from '@attune/survey';
import type { StudyDesign } from './study-design';

export interface DraftContent {
  readonly title: string;
  readonly description: string;
  readonly design: StudyDesign;
}

/** One saved draft edit by someone else, as a conflict reports it. */
export interface DraftEdit {
  readonly revision: number;
  readonly email: string | null;
  readonly at: Date;
  readonly parts: readonly string[];
}

export interface EditConflict {
  readonly revision: number;
  readonly changedBy: string | null;
  readonly changedAt: string | null;
  readonly parts: string[];
}

/**
 * The parts an edit changes: `title`, `description` and each top-level design part
 * (`design.factors`, `design.conversation`…). Compared as canonical JSON because jsonb hands the
 * stored design back with its keys reordered.
 */
export function changedParts(before: DraftContent, after: DraftContent): string[] {
  const parts: string[] = [];
  if (before.title !== after.title) parts.push('title');
  if (before.description !== after.description) parts.push('description');
  const keys = [...new Set([...Object.keys(before.design), ...Object.keys(after.design)])].sort();
  const field = (design: StudyDesign, key: string) => canonicalJson((design as unknown as Record<string, unknown>)[key] ?? null);
  for (const key of keys) if (field(before.design, key) !== field(after.design, key)) parts.push(`design.${key}`);
  return parts;
}

/** Who changed what since the editor's revision: the latest editor and every part changed since. */
export function describeConflict(current: number, since: readonly DraftEdit[]): EditConflict {
  const latest = since.at(-1);
  const parts = [...new Set(since.flatMap((edit) => edit.parts))].sort();
  return { revision: current, changedBy: latest?.email ?? null, changedAt: latest?.at.toISOString() ?? null, parts };
}

/** `If-Match: "7"` (or `W/"7"`, or a bare 7) → 7; anything else is not a revision. */
export function parseRevision(ifMatch: string): number | null {
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  return match ? Number(match[1]) : null;
}
