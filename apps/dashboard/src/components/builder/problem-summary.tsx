'use client';

import { fieldHref, type PlacedProblems } from '@/lib/builder/paths';
import { describePath } from '@/lib/preview/design-paths';
import { useEditor } from './editor-context';

/** Every problem launch (or the amendment) would refuse, each linking to its field when the editor shows one. */
export function ProblemSummary({ placed, amend }: { readonly placed: PlacedProblems; readonly amend: boolean }) {
  const { design } = useEditor();
  const count = placed.all.length;
  return (
    <section className="card builder-summary" aria-labelledby="problems-heading" data-testid="problem-summary">
      <h2 id="problems-heading">
        {count === 0
          ? amend
            ? 'The amendment has no problems'
            : 'Ready to launch: no problems'
          : `${count} ${count === 1 ? 'problem' : 'problems'} ${amend ? 'the amendment' : 'launch'} would refuse`}
      </h2>
      {count === 0 ? null : (
        <ul>
          {placed.all.map(({ problem, field }, i) => (
            <li key={`${problem.path}-${problem.code}-${i}`}>
              {field !== null ? (
                <a href={fieldHref(field)}>{describePath(design, problem.path)}</a>
              ) : (
                <span>{describePath(design, problem.path)}</span>
              )}
              : {problem.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
