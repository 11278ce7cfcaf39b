export interface NewStudyState {
  readonly error?: string;
  readonly title?: string;
}

/** The radio value for "start from scratch" (no template id can take it: ids are lowercase with _). */
export const SCRATCH = 'scratch';
