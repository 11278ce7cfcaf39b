// The public face of @attune/analysis; import from here only.
export { descriptives, descriptivesOfFrequencies, sessionScores } from './descriptives';
export type { Descriptives, Frequency, SessionScore, SessionScoreRow } from './descriptives';
export { pairedScoreSummary, pool, poolPaired, scoreSummary } from './summaries';
export type { PairedSummary, ScoreGroup, Summary } from './summaries';
export { icc1, icc1FromGroups, icc1FromSummaries, pairwiseIcc } from './icc';
export type { Icc1, PairwiseIcc, SessionGroup, SessionSummary } from './icc';
export { factorialModel, factorialModelFromCells } from './factorial-model';
export type {
  AnovaRow,
  CellModelInput,
  CellStatistics,
  Coefficient,
  FactorialModel,
  FactorialModelInput,
  FactorSpec,
  ModelRow,
} from './factorial-model';
export type { CellMean, MarginalMean, ModelEstimate, SimpleEffect } from './model-means';
export { changeScores } from './change-scores';
export type { ChangeScores, PrePostRow } from './change-scores';
export {
  hedgesG,
  hedgesGFromSummaries,
  noncentralityInterval,
  twoLevelComparisons,
  twoLevelComparisonsFromSummaries,
  welchT,
  welchTFromSummaries,
} from './effect-sizes';
export type { FactorComparison, HedgesG, WelchT } from './effect-sizes';
export { designEffect, powerCurve, powerTwoSample, sampleSizePerGroup, sessionPlan } from './power';
export type { PowerInput, SampleSize, SessionPlan, SessionPlanInput } from './power';
export { d33, replicationLabel, smallTelescopes, smallTelescopesPooled } from './replication';
export type { ReplicationLabel, ReplicationOutcome, SmallTelescopes, SmallTelescopesInput } from './replication';
export { metaStudyFromHedgesG, randomEffectsMeta } from './meta-analysis';
export type { MetaMethod, MetaOptions, MetaStudy, MetaStudyWeight, RandomEffectsMeta } from './meta-analysis';
export { pnt } from './noncentral-t';
export { AnalysisError } from './errors';
export type { AnalysisErrorCode } from './errors';
