import type { components } from '@/lib/api/schema';
import type { FieldIssue } from '@/lib/api/problem';

/** The design as the API takes and returns it (apps/api/src/studies/study-design.ts). */
export type Design = components['schemas']['StudyDesignDto'];
export type Factor = Design['factors'][number];
export type Level = Factor['levels'][number];
export type Covariate = Design['covariates'][number];
export type InstrumentRef = Design['instruments']['pre'][number];
export type Phase = keyof Design['instruments'];
export type Localized = Record<string, string>;

export type { FieldIssue };

/** What the editor edits: the draft's title and description travel with the design. */
export interface Draft {
  readonly title: string;
  readonly description: string;
  readonly design: Design;
}

/** `conflict` of a 409 EDIT_CONFLICT (the draft changed since the revision the editor started from). */
export interface EditConflict {
  readonly revision: number;
  readonly changedBy: string | null;
  readonly changedAt: string | null;
  readonly parts: readonly string[];
}
