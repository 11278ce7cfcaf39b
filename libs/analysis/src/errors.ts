/** Why a model cannot be fitted to the data given; callers show the code, not a stack trace. */
export type AnalysisErrorCode =
  | 'UNKNOWN_LEVEL' // a row names a level its factor does not declare
  | 'EMPTY_CELL' // a condition without scored sessions: its mean (and the interaction) is not estimable
  | 'RANK_DEFICIENT' // columns of the design are collinear (e.g. a constant covariate)
  | 'NO_RESIDUAL_DF' // as many parameters as sessions: no error variance to test against
  | 'NO_FACTORS';

export class AnalysisError extends Error {
  constructor(
    readonly code: AnalysisErrorCode,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'AnalysisError';
  }
}
