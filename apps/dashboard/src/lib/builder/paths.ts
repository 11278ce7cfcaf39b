import type { FieldIssue } from './types';

/**
 * Problem paths (`design.factors[0].levels[1].instructions.de`) name the field they concern; each
 * editor field has its path as its id, so a problem finds its field, or the nearest enclosing part
 * that has one (a fieldset), by walking up the path, and other pages link to it as
 * `/studies/:id/design#<encoded path>` (lib/preview/design-paths `designFieldHref`).
 */
export function fieldId(path: string): string {
  return path;
}

/** The in-page link to a field: its id, encoded for a URL fragment. */
export function fieldHref(path: string): string {
  return `#${encodeURIComponent(fieldId(path))}`;
}

/** `a.b[0].c` → `a.b[0]` → `a.b` → `a`; null at the top. */
export function parentPath(path: string): string | null {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? path.slice(0, cut) : null;
}

export interface PlacedProblems {
  /** Problems by the path of the field that shows them. */
  readonly byField: ReadonlyMap<string, readonly FieldIssue[]>;
  /** Problems whose path (nor any part of it) the editor shows: listed in the summary only. */
  readonly unplaced: readonly FieldIssue[];
  /** Every problem with the field path it was placed at (null: unplaced), in the API's order. */
  readonly all: ReadonlyArray<{ readonly problem: FieldIssue; readonly field: string | null }>;
}

export function fieldFor(path: string, known: ReadonlySet<string>): string | null {
  for (let candidate: string | null = path; candidate !== null; candidate = parentPath(candidate)) {
    if (known.has(candidate)) return candidate;
  }
  return null;
}

export function placeProblems(problems: readonly FieldIssue[], known: ReadonlySet<string>): PlacedProblems {
  const byField = new Map<string, FieldIssue[]>();
  const unplaced: FieldIssue[] = [];
  const all = problems.map((problem) => {
    const field = fieldFor(problem.path, known);
    if (field === null) unplaced.push(problem);
    else byField.set(field, [...(byField.get(field) ?? []), problem]);
    return { problem, field };
  });
  return { byField, unplaced, all };
}
