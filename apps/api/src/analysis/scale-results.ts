import {
  AnalysisError,
  type Descriptives,
  descriptivesOfFrequencies,
  type FactorialModel,
  factorialModelFromCells,
  type FactorSpec,
  type HedgesG,
  icc1FromGroups,
  type Icc1,
  pairedScoreSummary,
  scoreSummary,
  twoLevelComparisonsFromSummaries,
  type WelchT,
} from '@attune/analysis';
import { conditionLevels } from '../randomisation/design';
import type { ResultPhase, ScoreGroupRow } from './results.repository';

/** A group of sessions (a condition cell or a factor level) summarised on session scores. */
export interface GroupSummary extends Descriptives {
  readonly sessions: number;
  readonly participants: number;
}

export interface CellSummary extends GroupSummary {
  readonly conditionId: string;
  readonly levels: Readonly<Record<string, string>>;
}

export interface LevelSummary extends GroupSummary {
  readonly factorId: string;
  readonly levelId: string;
}

export interface FactorEffect {
  readonly factorId: string;
  readonly levels: readonly [string, string];
  /** Hedges' g of the first level minus the second, with its noncentral-t 95 % CI. */
  readonly hedges: HedgesG | null;
  readonly welch: WelchT | null;
}

/** A model, or why there is none (e.g. a condition cell without sessions yet). */
export interface ModelOutcome {
  readonly model: FactorialModel | null;
  readonly problem: string | null;
}

export interface ScaleResult {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly scale: string;
  readonly phase: ResultPhase;
  readonly cells: readonly CellSummary[];
  readonly levels: readonly LevelSummary[];
  readonly model: ModelOutcome;
  readonly effects: readonly FactorEffect[];
  readonly icc: Icc1 | null;
  /** Post only, where the same scale was measured before: post on condition with the centred pre score. */
  readonly ancova: ModelOutcome | null;
}

/** The groups' sessions as a frequency table of session means, with their sessions and members. */
function summarise(groups: readonly ScoreGroupRow[]): GroupSummary {
  let sessions = 0;
  let participants = 0;
  for (const group of groups) {
    sessions += group.sessions;
    participants += group.participants;
  }
  return { ...descriptivesOfFrequencies(groups.map((group) => ({ value: group.value, count: group.sessions }))), sessions, participants };
}

function fitModel(run: () => FactorialModel): ModelOutcome {
  try {
    return { model: run(), problem: null };
  } catch (error) {
    // Too little data for the model (an empty cell, no residual df) is an answer, not a fault.
    if (error instanceof AnalysisError) return { model: null, problem: error.message };
    throw error;
  }
}

/** The groups by condition, each condition's factor levels decoded once. */
interface ConditionGroups {
  readonly conditionId: string;
  readonly levels: Readonly<Record<string, string>>;
  readonly groups: ScoreGroupRow[];
}

function byCondition(groups: readonly ScoreGroupRow[]): ConditionGroups[] {
  const conditions = new Map<string, ConditionGroups>();
  for (const group of groups) {
    const found = conditions.get(group.conditionId);
    if (found) found.groups.push(group);
    else conditions.set(group.conditionId, { conditionId: group.conditionId, levels: conditionLevels(group.conditionId), groups: [group] });
  }
  return [...conditions.values()];
}

function cells(observed: readonly ConditionGroups[], conditions: readonly string[]): CellSummary[] {
  return conditions.map((conditionId) => ({
    conditionId,
    levels: conditionLevels(conditionId),
    ...summarise(observed.find((c) => c.conditionId === conditionId)?.groups ?? []),
  }));
}

/** The groups of every condition at the factor's level. */
function atLevel(observed: readonly ConditionGroups[], factorId: string, levelId: string): ScoreGroupRow[] {
  return observed.filter((condition) => condition.levels[factorId] === levelId).flatMap((condition) => condition.groups);
}

function levelSummaries(observed: readonly ConditionGroups[], factors: readonly FactorSpec[]): LevelSummary[] {
  return factors.flatMap((factor) =>
    factor.levels.map((levelId) => ({ factorId: factor.id, levelId, ...summarise(atLevel(observed, factor.id, levelId)) })),
  );
}

function ancova(observed: readonly ConditionGroups[], factors: readonly FactorSpec[]): ModelOutcome {
  const paired = observed.map((condition) => ({
    levels: condition.levels,
    sessions: condition.groups.reduce((sum, group) => sum + group.sessions, 0),
    ...pairedScoreSummary(condition.groups.map((group) => ({ value: group.value, sessions: group.sessions, covariate: group.pre }))),
  }));
  const excluded = paired.reduce((sum, cell) => sum + cell.sessions - cell.n, 0);
  const cellsWithPre = paired.map((cell) => ({ levels: cell.levels, y: cell.y, covariate: { x: cell.x, cross: cell.cross } }));
  return fitModel(() => factorialModelFromCells({ cells: cellsWithPre, factors, covariate: true, excluded }));
}

/**
 * Everything reported for one scale in one phase, on session scores (the dyad is the unit), from
 * its sessions grouped by condition and session mean: descriptives per condition cell and per
 * factor level, the factorial model (type III), Hedges' g per two-level factor, ICC(1) from the
 * members, and for post scores, when the scale was measured before, the ANCOVA on the pre score.
 */
export function scaleResult(
  groups: readonly ScoreGroupRow[],
  hasPre: boolean,
  factors: readonly FactorSpec[],
  conditions: readonly string[],
): ScaleResult {
  const first = groups[0];
  if (!first) throw new Error('scaleResult needs at least one session');
  const observed = byCondition(groups);
  return {
    instrumentId: first.instrumentId,
    instrumentVersion: first.instrumentVersion,
    scale: first.scale,
    phase: first.phase,
    cells: cells(observed, conditions),
    levels: levelSummaries(observed, factors),
    model: fitModel(() =>
      factorialModelFromCells({ cells: observed.map((c) => ({ levels: c.levels, y: scoreSummary(c.groups) })), factors }),
    ),
    effects: twoLevelComparisonsFromSummaries((factorId, levelId) => scoreSummary(atLevel(observed, factorId, levelId)), factors).map(
      (comparison) => ({ factorId: comparison.factor, levels: comparison.levels, hedges: comparison.hedges, welch: comparison.welch }),
    ),
    icc: icc1FromGroups(
      groups.map((g) => ({ sessions: g.sessions, members: g.participants, squaredSizes: g.squaredSizes, mean: g.value, ss: g.withinSs })),
    ),
    ancova: first.phase === 'post' && hasPre ? ancova(observed, factors) : null,
  };
}

/** Groups rows by (instrument, version, scale, phase), keeping the database's order. */
export function byScale<Row extends { instrumentId: string; instrumentVersion: number; scale: string; phase: ResultPhase }>(
  rows: readonly Row[],
): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = scaleKey(row.instrumentId, row.instrumentVersion, row.scale, row.phase);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

export function scaleKey(instrumentId: string, version: number, scale: string, phase: ResultPhase): string {
  return `${instrumentId}@${version}/${scale}/${phase}`;
}
