// The public face of @attune/analysis; import from here only.
export { descriptives, sessionScores } from './descriptives';
export type { Descriptives, SessionScore, SessionScoreRow } from './descriptives';
export { icc1, icc1FromSummaries, pairwiseIcc } from './icc';
export type { Icc1, PairwiseIcc, SessionSummary } from './icc';
export { factorialModel } from './factorial-model';
export type { AnovaRow, Coefficient, FactorialModel, FactorialModelInput, FactorSpec, ModelRow } from './factorial-model';
export type { CellMean, MarginalMean, ModelEstimate, SimpleEffect } from './model-means';
export { changeScores } from './change-scores';
export type { ChangeScores, PrePostRow } from './change-scores';
export { hedgesG, noncentralityInterval, twoLevelComparisons, welchT } from './effect-sizes';
export type { FactorComparison, HedgesG, WelchT } from './effect-sizes';
export { designEffect, powerCurve, powerTwoSample, sampleSizePerGroup, sessionPlan } from './power';
export type { PowerInput, SampleSize, SessionPlan, SessionPlanInput } from './power';
export { d33, replicationLabel, smallTelescopes } from './replication';
export type { ReplicationLabel, ReplicationOutcome, SmallTelescopes, SmallTelescopesInput } from './replication';
export { pnt } from './noncentral-t';
export { AnalysisError } from './errors';
export type { AnalysisErrorCode } from './errors';
