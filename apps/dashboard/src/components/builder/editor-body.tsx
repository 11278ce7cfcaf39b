'use client';

import { useEffect, useMemo, type ReactNode } from 'react';
import { editorFieldPaths } from '@/lib/builder/field-paths';
import { fieldFor, fieldId, placeProblems, type PlacedProblems } from '@/lib/builder/paths';
import type { Design, FieldIssue } from '@/lib/builder/types';
import { CovariatesSection } from './covariates-section';
import { EditorContext, type EditorContextValue } from './editor-context';
import { FactorsSection } from './factors-section';
import { InstrumentsSection } from './instruments-section';
import { LanguagesSection } from './languages-section';
import { RandomisationSection } from './randomisation-section';
import { TargetSection, type PowerAction } from './target-section';
import { CompletionSection, ConsentSection, ConversationSection } from './texts-sections';
import { WeightsSection } from './weights-section';

interface EditorBodyProps {
  readonly design: Design;
  readonly update: (edit: (design: Design) => Design) => void;
  readonly problems: readonly FieldIssue[];
  readonly amend: boolean;
  readonly power: PowerAction;
  /** Above the sections: title and description (draft) or the amendment's diff and reason. */
  readonly children?: ReactNode;
  /** Below the sections (the amendment's diff, reason and submit). */
  readonly footer?: ReactNode;
  readonly summary: (placed: PlacedProblems) => ReactNode;
}

/** Every section of the design, sharing the design, its problems by field and the mode. */
export function EditorBody({ design, update, problems, amend, power, children, footer, summary }: EditorBodyProps) {
  const placed = useMemo(() => placeProblems(problems, editorFieldPaths(design)), [problems, design]);
  useScrollToLinkedField(design);
  const context = useMemo<EditorContextValue>(
    () => ({
      design,
      update,
      amend,
      problemsAt: (path) => placed.byField.get(path) ?? [],
    }),
    [design, update, amend, placed],
  );
  return (
    <EditorContext.Provider value={context}>
      {summary(placed)}
      <SectionLinks />
      {children}
      <FactorsSection />
      <WeightsSection />
      <CovariatesSection />
      <RandomisationSection />
      <TargetSection power={power} />
      <ConversationSection />
      <InstrumentsSection />
      <ConsentSection />
      <LanguagesSection />
      <CompletionSection />
      {footer}
    </EditorContext.Provider>
  );
}

const SECTIONS = [
  ['factors-heading', 'Factors'],
  ['weights-heading', 'Weights'],
  ['covariates-heading', 'Covariates'],
  ['randomisation-heading', 'Randomisation'],
  ['target-heading', 'Target and power'],
  ['conversation-heading', 'Conversation'],
  ['instruments-heading', 'Instruments'],
  ['consent-heading', 'Consent'],
  ['languages-heading', 'Languages'],
  ['completion-heading', 'Completion'],
] as const;

function SectionLinks() {
  return (
    <nav aria-label="Design sections" className="builder-toc">
      <ul>
        {SECTIONS.map(([id, label]) => (
          <li key={id}>
            <a href={`#${id}`}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Other pages link a problem as `/design#<its path>`. The browser finds fields by id itself; a path
 * the editor shows only as a part (`design.stratifyBy[0]`) lands on that part instead.
 */
function useScrollToLinkedField(design: Design): void {
  useEffect(() => {
    let target: string;
    try {
      target = decodeURIComponent(window.location.hash.slice(1));
    } catch {
      return;
    }
    if (!target || document.getElementById(target)) return;
    const field = fieldFor(target, editorFieldPaths(design));
    if (field) document.getElementById(fieldId(field))?.scrollIntoView();
    // Once, for the address the page was opened with: later edits must not scroll the page.
  }, []);
}
